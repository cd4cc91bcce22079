-- share of total with an uncorrelated scalar subquery in the SELECT list, DECIMAL result
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, amount DECIMAL(10, 2), share DECIMAL(10, 4)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, amount, CAST(amount / (SELECT SUM(amount) FROM orders WHERE status = 'paid') AS DECIMAL(10, 4))
FROM orders WHERE status = 'paid' ORDER BY order_id;
