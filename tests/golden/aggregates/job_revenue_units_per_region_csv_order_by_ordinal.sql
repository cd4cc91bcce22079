-- revenue and units per region over a csv, largest first
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (region STRING, units BIGINT, revenue DECIMAL(38, 2), n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT region, SUM(qty), SUM(qty * unit_price), COUNT(*)
FROM sales
GROUP BY region
ORDER BY 3 DESC;
