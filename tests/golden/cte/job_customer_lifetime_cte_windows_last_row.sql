-- customer lifetime: CTE of paid orders, running total and order number, last row per customer (CTE not named running, a reserved word)
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (cust_id INT, orders_n BIGINT, lifetime DECIMAL(38, 2), since DATE) WITH ('connector' = 'print');
INSERT INTO out1
WITH paid AS (SELECT * FROM orders WHERE status = 'paid'),
running_totals AS (
  SELECT cust_id, order_date,
         ROW_NUMBER() OVER (PARTITION BY cust_id ORDER BY order_date, order_id) AS n,
         SUM(total) OVER (PARTITION BY cust_id ORDER BY order_date, order_id ROWS UNBOUNDED PRECEDING) AS lt,
         MIN(order_date) OVER (PARTITION BY cust_id) AS first_d,
         COUNT(*) OVER (PARTITION BY cust_id) AS cnt
  FROM paid)
SELECT cust_id, n, lt, first_d FROM running_totals WHERE n = cnt ORDER BY cust_id;
