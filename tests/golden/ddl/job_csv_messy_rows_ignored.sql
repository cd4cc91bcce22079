-- messy csv rows (empty INT, bad DECIMAL) skipped with 'csv.ignore-parse-errors'
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders_messy.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (order_id INT, customer_id INT, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id, customer_id, amount FROM orders ORDER BY order_id;
