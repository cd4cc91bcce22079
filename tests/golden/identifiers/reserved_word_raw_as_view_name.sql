-- string cleanup pipeline: REGEXP_REPLACE, LOWER, TRIM, SPLIT_INDEX, LPAD, CONCAT_WS over VALUES
CREATE TEMPORARY VIEW raw(id, email, phone) AS VALUES
  (1, '  Alice.Smith@Example.COM ', '+49 (30) 1234-567'),
  (2, 'bob@test.org', '555.123.4567'),
  (3, NULL, ''),
  (4, 'no-at-sign', '12');
CREATE TEMPORARY TABLE out1 (id INT, email STRING, domain STRING, digits STRING, padded STRING, label STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, LOWER(TRIM(email)), SPLIT_INDEX(LOWER(TRIM(email)), '@', 1),
       REGEXP_REPLACE(phone, '[^0-9]', ''), LPAD(CAST(id AS STRING), 4, '0'),
       CONCAT_WS('|', CAST(id AS STRING), email, phone)
FROM raw ORDER BY id;
