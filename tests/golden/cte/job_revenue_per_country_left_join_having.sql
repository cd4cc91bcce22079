-- revenue per customer country with a CTE, LEFT JOIN, COALESCE for unknown country and HAVING
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out_rev (country STRING, orders_n BIGINT, revenue DECIMAL(12, 2)) WITH ('connector' = 'print');
INSERT INTO out_rev
WITH paid AS (SELECT * FROM orders WHERE status = 'paid')
SELECT COALESCE(NULLIF(c.country, ''), 'unknown') AS country, COUNT(*) AS orders_n, SUM(p.amount) AS revenue
FROM paid p LEFT JOIN customers c ON p.customer_id = c.id
GROUP BY COALESCE(NULLIF(c.country, ''), 'unknown')
HAVING SUM(p.amount) > 1
ORDER BY revenue DESC;
