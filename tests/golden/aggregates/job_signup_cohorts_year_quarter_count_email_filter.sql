-- signup cohorts per quarter and country, counts with COUNT(email) vs COUNT(*) (empty email field)
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (yr BIGINT, q BIGINT, country STRING, n BIGINT, with_email BIGINT, vips BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT YEAR(signup), QUARTER(signup), UPPER(TRIM(country)), COUNT(*), COUNT(email), COUNT(*) FILTER (WHERE vip)
FROM customers
GROUP BY YEAR(signup), QUARTER(signup), UPPER(TRIM(country))
ORDER BY 1, 2, 3;
