-- LISTAGG of names per country with a custom separator, names ordered in a subquery
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (country STRING, names STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT country, LISTAGG(TRIM(name), ', '), COUNT(*) FROM customers WHERE country <> '' GROUP BY country ORDER BY country;
