-- a user's mistake: a double-quoted string used as a literal
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id FROM orders WHERE status = "paid";
