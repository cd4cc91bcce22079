-- country code lookup through a MAP literal, with a default for missing keys
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, country_name STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, COALESCE(MAP['US', 'United States', 'IE', 'Ireland', 'ES', 'Spain'][UPPER(TRIM(country))], 'other') FROM customers ORDER BY id;
