-- keep only digits of phone numbers, check length, mask all but the last 4
CREATE TEMPORARY VIEW contacts (name, phone) AS VALUES
  ('ann', '+1 (555) 010-9999'), ('bo', '555.010.1234'), ('cy', CAST(NULL AS STRING)), ('di', '12');
CREATE TEMPORARY TABLE out1 (name STRING, digits STRING, valid BOOLEAN, masked STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT name, REGEXP_REPLACE(phone, '[^0-9]', ''),
       CHAR_LENGTH(REGEXP_REPLACE(phone, '[^0-9]', '')) >= 10,
       CONCAT(REPEAT('*', GREATEST(CHAR_LENGTH(REGEXP_REPLACE(phone, '[^0-9]', '')) - 4, 0)), RIGHT(REGEXP_REPLACE(phone, '[^0-9]', ''), 4))
FROM contacts;
