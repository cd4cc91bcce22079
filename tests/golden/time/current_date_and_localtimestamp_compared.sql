-- current time functions only compared, never printed: orders older than today
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, past BOOLEAN, ts_ok BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, order_date < CURRENT_DATE, LOCALTIMESTAMP > TIMESTAMP '2024-01-01 00:00:00' FROM orders WHERE order_id <= 102 ORDER BY order_id;
