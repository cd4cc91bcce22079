-- a customer report: LEFT JOIN, COUNT/SUM with COALESCE, first order date, days since signup, HAVING and LIMIT
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, n BIGINT, spent DECIMAL(38, 2), first_order DATE, wait_days INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT TRIM(c.name), COUNT(o.order_id), COALESCE(SUM(o.amount), 0), CAST(MIN(o.ts) AS DATE),
       TIMESTAMPDIFF(DAY, CAST(c.signup AS TIMESTAMP(3)), MIN(o.ts))
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.name, c.signup
HAVING COUNT(o.order_id) > 0
ORDER BY 3 DESC LIMIT 4;
