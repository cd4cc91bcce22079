-- LIMIT with OFFSET over an ordered subquery of a join, using FETCH NEXT syntax mixed with aliases
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id, amount FROM orders ORDER BY amount DESC, order_id OFFSET 1 ROWS FETCH NEXT 3 ROWS ONLY;
