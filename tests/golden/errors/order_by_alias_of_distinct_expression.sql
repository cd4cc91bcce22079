-- SELECT DISTINCT on expressions (country, signup year) ordered and limited
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (country STRING, yr BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT DISTINCT country, YEAR(signup) FROM customers ORDER BY yr DESC, country LIMIT 4;
