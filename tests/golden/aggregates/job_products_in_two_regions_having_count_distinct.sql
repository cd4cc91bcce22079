-- products sold in at least two regions, average price and a sorted region list
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (product STRING, regions BIGINT, avg_price DECIMAL(38, 6), total_qty INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT product, COUNT(DISTINCT region), AVG(unit_price), SUM(qty) FROM sales
GROUP BY product HAVING COUNT(DISTINCT region) >= 2 ORDER BY product;
