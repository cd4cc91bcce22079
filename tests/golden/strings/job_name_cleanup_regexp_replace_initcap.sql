-- initials and cleaned names with REGEXP_REPLACE, INITCAP, REPLACE and collapsing spaces
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, clean STRING, initials STRING, upper_name STRING, n_chars INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id,
       REGEXP_REPLACE(TRIM(name), '\s+', ' '),
       REGEXP_REPLACE(INITCAP(TRIM(name)), '[^A-Z]', ''),
       UPPER(REPLACE(name, ',', '')),
       CHAR_LENGTH(name)
FROM customers ORDER BY id;
