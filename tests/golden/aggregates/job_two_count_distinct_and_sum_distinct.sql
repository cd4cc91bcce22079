-- several COUNT DISTINCTs and SUM DISTINCT in one grouped query over a csv
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (d DATE, statuses BIGINT, custs BIGINT, distinct_sum DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT CAST(ts AS DATE), COUNT(DISTINCT status), COUNT(DISTINCT customer_id), SUM(DISTINCT amount)
FROM orders GROUP BY CAST(ts AS DATE) ORDER BY 1;
