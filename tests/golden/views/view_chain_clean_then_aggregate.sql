-- TEMPORARY VIEW chain: clean view, then aggregate view, then sink
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW clean AS SELECT id, TRIM(name) AS name, UPPER(TRIM(country)) AS country FROM customers;
CREATE TEMPORARY VIEW by_country AS SELECT country, COUNT(*) AS n FROM clean GROUP BY country;
CREATE TEMPORARY TABLE out1 (country STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM by_country ORDER BY country;
