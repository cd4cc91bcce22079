-- regions ranked by revenue with DENSE_RANK over an aggregate, and a label by CASE on rank
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (region STRING, rev DECIMAL(38, 2), rk BIGINT, tier STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT region, rev, rk, CASE WHEN rk = 1 THEN 'gold' WHEN rk <= 3 THEN 'silver' ELSE 'bronze' END FROM (
  SELECT region, SUM(qty * unit_price) AS rev, DENSE_RANK() OVER (ORDER BY SUM(qty * unit_price) DESC) AS rk FROM sales GROUP BY region
) ORDER BY rk, region;
