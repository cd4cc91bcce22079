-- latest two sales per region (top-N by time), then the overall LIMIT
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (region STRING, sale_id INT, sold_at TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT region, sale_id, sold_at FROM (
  SELECT region, sale_id, sold_at, ROW_NUMBER() OVER (PARTITION BY region ORDER BY sold_at DESC, sale_id DESC) AS rn FROM sales
) WHERE rn <= 2
ORDER BY region, sold_at DESC LIMIT 5;
