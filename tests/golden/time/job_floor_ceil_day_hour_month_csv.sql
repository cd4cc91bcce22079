-- daily and hourly buckets: FLOOR(ts TO DAY), CEIL(ts TO HOUR), FLOOR(ts TO MONTH) on order timestamps
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, d TIMESTAMP(3), h TIMESTAMP(3), m TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id, FLOOR(ts TO DAY), CEIL(ts TO HOUR), FLOOR(ts TO MONTH) FROM orders WHERE order_id <= 104 ORDER BY order_id;
