-- each sale's share of its region with SUM OVER whole partition, then filtered
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (sale_id INT, region STRING, qty INT, region_qty INT, biggest BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1
SELECT sale_id, region, qty, region_qty, qty = max_qty FROM (
  SELECT sale_id, region, qty, SUM(qty) OVER (PARTITION BY region) AS region_qty, MAX(qty) OVER (PARTITION BY region) AS max_qty FROM sales
) WHERE region_qty > 5 ORDER BY sale_id;
