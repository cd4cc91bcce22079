-- IN subquery over a GROUP BY ... HAVING: customers with two or more orders
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT name FROM customers WHERE id IN (SELECT cust_id FROM orders GROUP BY cust_id HAVING COUNT(*) >= 2) ORDER BY name;
