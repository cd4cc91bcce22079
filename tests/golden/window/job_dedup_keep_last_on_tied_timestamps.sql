-- dedup keeping the latest row per key with ROW_NUMBER over a csv with repeated timestamps
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(3), order_id INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT ts, order_id FROM (SELECT ts, order_id, ROW_NUMBER() OVER (PARTITION BY ts ORDER BY order_id DESC) AS rn FROM orders) WHERE rn = 1 ORDER BY ts;
