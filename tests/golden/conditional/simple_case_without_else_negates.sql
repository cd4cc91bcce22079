-- simple CASE on a status column, with no ELSE producing NULL
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, sign_total DECIMAL(11, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, CASE status WHEN 'paid' THEN total WHEN 'refunded' THEN -total END FROM orders ORDER BY order_id;
