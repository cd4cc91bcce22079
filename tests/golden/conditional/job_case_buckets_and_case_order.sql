-- amount buckets by searched CASE in GROUP BY and a custom ORDER BY CASE rank
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (bucket STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT bucket, COUNT(*) FROM (
  SELECT CASE WHEN amount < 0 THEN 'negative' WHEN amount < 10 THEN 'small' WHEN amount < 100 THEN 'medium' ELSE 'large' END AS bucket FROM orders)
GROUP BY bucket
ORDER BY CASE bucket WHEN 'negative' THEN 0 WHEN 'small' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END;
