-- sales per hour of day with EXTRACT and HOUR, count distinct regions
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (hr BIGINT, sales_n BIGINT, regions BIGINT, first_sale TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT EXTRACT(HOUR FROM sold_at), COUNT(*), COUNT(DISTINCT region), MIN(sold_at)
FROM sales GROUP BY EXTRACT(HOUR FROM sold_at) ORDER BY 1;
