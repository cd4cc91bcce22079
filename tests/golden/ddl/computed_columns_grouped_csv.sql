-- computed columns on a csv table: amount and a day key, used in GROUP BY
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3),
  amount AS qty * unit_price, sale_day AS CAST(sold_at AS DATE))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (sale_day DATE, amount DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT sale_day, SUM(amount) FROM sales GROUP BY sale_day ORDER BY sale_day;
