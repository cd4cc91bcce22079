-- running MAX and MIN of price over sale order, with RANGE UNBOUNDED PRECEDING on ties
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (sale_id INT, sold_at TIMESTAMP(3), running_max DECIMAL(10, 2), running_n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT sale_id, sold_at, MAX(unit_price) OVER (ORDER BY sold_at RANGE UNBOUNDED PRECEDING), COUNT(*) OVER (ORDER BY sold_at RANGE UNBOUNDED PRECEDING)
FROM sales ORDER BY sold_at, sale_id;
