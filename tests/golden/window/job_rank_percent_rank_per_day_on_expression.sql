-- rank sales within each day by amount, PERCENT_RANK beside
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (d DATE, sale_id INT, amount DECIMAL(21, 2), rk BIGINT, pr DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT CAST(sold_at AS DATE), sale_id, qty * unit_price,
       RANK() OVER (PARTITION BY CAST(sold_at AS DATE) ORDER BY qty * unit_price DESC),
       PERCENT_RANK() OVER (PARTITION BY CAST(sold_at AS DATE) ORDER BY qty * unit_price DESC)
FROM sales ORDER BY 1, 4, 2;
