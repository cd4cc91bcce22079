-- window ranking computed over a join result, then filtered in an outer query (latest order per country)
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (country STRING, order_id INT, ts TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT country, order_id, ts FROM (
  SELECT c.country, o.order_id, o.ts, ROW_NUMBER() OVER (PARTITION BY c.country ORDER BY o.ts DESC, o.order_id DESC) AS rn
  FROM orders o JOIN customers c ON o.customer_id = c.id)
WHERE rn = 1 ORDER BY country;
