-- monthly order counts: DATE_FORMAT month key, COUNT DISTINCT customers, MAX/MIN DECIMAL amount
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (ym STRING, n BIGINT, customers BIGINT, hi DECIMAL(10, 2), lo DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT DATE_FORMAT(ts, 'yyyy-MM') AS ym, COUNT(*), COUNT(DISTINCT customer_id), MAX(amount), MIN(amount)
FROM orders GROUP BY DATE_FORMAT(ts, 'yyyy-MM') ORDER BY ym;
