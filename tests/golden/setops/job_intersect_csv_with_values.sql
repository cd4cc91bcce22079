-- INTERSECT of csv customer ids with a VALUES list, EXCEPT of ordered ids, ORDER BY on the result
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM (SELECT id FROM customers INTERSECT SELECT * FROM (VALUES (2), (4), (9)) AS t(id)) ORDER BY id DESC;
