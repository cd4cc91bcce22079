-- best-selling product per region: aggregate then ROW_NUMBER top-1 with tie-break
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (region STRING, product STRING, units INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT region, product, units FROM (
  SELECT region, product, units, ROW_NUMBER() OVER (PARTITION BY region ORDER BY units DESC, product) AS rn
  FROM (SELECT region, product, SUM(qty) AS units FROM sales GROUP BY region, product)
) WHERE rn = 1
ORDER BY region;
