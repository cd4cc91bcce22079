-- a VALUES lookup of thresholds with mixed numeric literals, compared to DECIMAL totals
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, band STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT o.order_id, MAX(b.band)
FROM orders o JOIN (VALUES ('a', 0), ('b', 20.5), ('c', 100)) AS b (band, floor_amt) ON o.total >= b.floor_amt
GROUP BY o.order_id ORDER BY o.order_id;
