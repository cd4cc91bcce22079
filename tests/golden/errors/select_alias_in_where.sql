-- a user's mistake: a SELECT alias referenced in WHERE
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, gross DECIMAL(12, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id, total * 1.2 AS gross FROM orders WHERE gross > 50;
