-- correlated scalar subquery: each customer's latest order timestamp and count of orders
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, last_ts TIMESTAMP(3), n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT c.id,
       (SELECT MAX(o.ts) FROM orders o WHERE o.customer_id = c.id),
       (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id)
FROM customers c ORDER BY c.id;
