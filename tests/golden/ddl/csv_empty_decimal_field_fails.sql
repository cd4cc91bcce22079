-- csv with an empty DECIMAL field and a padded one: what Flink reads
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders_empty_amount.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id, amount FROM orders ORDER BY order_id;
