-- LISTAGG over a DISTINCT subquery of statuses per customer, with COUNT DISTINCT beside
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (customer_id INT, statuses STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT customer_id, LISTAGG(status, '/'), COUNT(DISTINCT status) FROM (SELECT DISTINCT customer_id, status FROM orders) GROUP BY customer_id ORDER BY customer_id;
