-- AVG over a partition of DECIMAL amounts (no ORDER BY: whole partition) next to the row's amount
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, amount DECIMAL(10, 2), avg_cust DECIMAL(38, 6), n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id, amount, AVG(amount) OVER (PARTITION BY customer_id), COUNT(*) OVER (PARTITION BY customer_id) FROM orders ORDER BY order_id;
