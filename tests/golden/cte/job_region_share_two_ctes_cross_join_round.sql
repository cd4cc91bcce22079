-- CTE with totals joined back: each region's share of revenue as a rounded percentage
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (region STRING, revenue DECIMAL(38, 2), pct DECIMAL(38, 1)) WITH ('connector' = 'print');
INSERT INTO out1
WITH per_region AS (
  SELECT region, SUM(qty * unit_price) AS revenue FROM sales GROUP BY region
), total AS (
  SELECT SUM(revenue) AS t FROM per_region
)
SELECT p.region, p.revenue, ROUND(p.revenue * 100 / t.t, 1)
FROM per_region p CROSS JOIN total t
ORDER BY p.region;
