-- an empty csv field for a STRING column: empty string or NULL? counted both ways
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, email STRING, is_null BOOLEAN, is_empty BOOLEAN, shown STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, email, email IS NULL, email = '', COALESCE(NULLIF(email, ''), '<none>') FROM customers ORDER BY id;
