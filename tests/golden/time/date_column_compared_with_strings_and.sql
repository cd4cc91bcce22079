-- comparing a DATE column with a string literal (implicit cast) in WHERE and BETWEEN
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, signup DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, signup FROM customers WHERE signup >= '2023-01-01' AND signup BETWEEN '2023-01-01' AND '2023-12-31' ORDER BY id;
