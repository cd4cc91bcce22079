-- a window over an aggregate: rank of countries by customer count, in one query
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (country STRING, n BIGINT, r BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT country, COUNT(*), RANK() OVER (ORDER BY COUNT(*) DESC) FROM customers GROUP BY country ORDER BY 3, 1;
