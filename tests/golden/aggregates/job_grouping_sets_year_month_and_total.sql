-- GROUPING SETS over (year, month) and () of order dates with SUM
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (y BIGINT, m BIGINT, total DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT YEAR(ts), MONTH(ts), SUM(amount) FROM orders GROUP BY GROUPING SETS ((YEAR(ts), MONTH(ts)), ()) ORDER BY 1 NULLS LAST, 2 NULLS LAST;
