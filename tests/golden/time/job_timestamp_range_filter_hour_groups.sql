-- filtering on a timestamp range given as TIMESTAMP literals and a CAST string, with HOUR() grouping
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (h BIGINT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT HOUR(ts), COUNT(*) FROM orders
WHERE ts >= TIMESTAMP '2024-01-01 00:00:00' AND ts < CAST('2024-03-01 00:00:00' AS TIMESTAMP(3))
GROUP BY HOUR(ts) ORDER BY 1;
