-- customers with a paid order above 50 (EXISTS with two correlated predicates)
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, name FROM customers c
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.cust_id = c.id AND o.status = 'paid' AND o.total > 50 AND o.order_date >= c.signup)
ORDER BY id;
