-- BETWEEN on DECIMAL with INT bounds, NOT BETWEEN, IN list of strings with a NULL in it
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, mid BOOLEAN, outside BOOLEAN, known BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id, amount BETWEEN 5 AND 50, amount NOT BETWEEN 0 AND 100, status IN ('paid', 'refunded', NULL) FROM orders ORDER BY order_id;
