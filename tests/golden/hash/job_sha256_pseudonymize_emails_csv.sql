-- pseudonymize emails with SHA256 of the lower-cased address, MD5 length check
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, h STRING, md5_len INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, SHA256(LOWER(TRIM(email))), CHAR_LENGTH(MD5(email)) FROM customers ORDER BY id;
