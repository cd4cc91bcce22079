-- a user's mistake: SELECT DISTINCT ordered by a column not selected
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (status STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT DISTINCT status FROM orders ORDER BY total;
