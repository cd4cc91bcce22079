-- a scalar subquery in the SELECT list: each customer's order count and the global max
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, n BIGINT, biggest DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, (SELECT COUNT(*) FROM orders o WHERE o.cust_id = c.id), (SELECT MAX(total) FROM orders) FROM customers c ORDER BY id;
