-- NTILE(4) quartiles of order totals and CUME_DIST
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, total DECIMAL(10, 2), quartile BIGINT, cd DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, total, NTILE(4) OVER (ORDER BY total), CUME_DIST() OVER (ORDER BY total) FROM orders ORDER BY total, order_id;
