-- 3-row moving average and a centred window of daily revenue, frame ROWS 1 PRECEDING AND 1 FOLLOWING
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (d DATE, rev DECIMAL(38, 2), ma3 DECIMAL(38, 6), centred DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT d, rev,
       AVG(rev) OVER (ORDER BY d ROWS BETWEEN 2 PRECEDING AND CURRENT ROW),
       SUM(rev) OVER (ORDER BY d ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)
FROM (SELECT CAST(sold_at AS DATE) AS d, SUM(qty * unit_price) AS rev FROM sales GROUP BY CAST(sold_at AS DATE))
ORDER BY d;
