-- detect price changes per product over time with LAG and IS DISTINCT FROM (column not named prev, a reserved word)
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (product STRING, sold_at TIMESTAMP(3), old_price DECIMAL(10, 2), new_price DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT product, sold_at, prev_price, unit_price FROM (
  SELECT product, sold_at, sale_id, unit_price, LAG(unit_price) OVER (PARTITION BY product ORDER BY sold_at, sale_id) AS prev_price FROM sales
) WHERE prev_price IS DISTINCT FROM unit_price AND prev_price IS NOT NULL
ORDER BY product, sold_at;
