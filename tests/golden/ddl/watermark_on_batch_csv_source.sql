-- a WATERMARK declaration on a batch csv source is accepted and changes nothing
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3),
  WATERMARK FOR sold_at AS sold_at - INTERVAL '5' SECOND)
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (n BIGINT, latest TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT COUNT(*), MAX(sold_at) FROM sales;
