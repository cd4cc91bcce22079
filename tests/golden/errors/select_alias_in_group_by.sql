-- GROUP BY a SELECT alias, as many engines allow
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (m INT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT MONTH(order_date) AS m, COUNT(*) FROM orders GROUP BY m;
