-- revenue from VIP customers only, IN subquery semi join, country normalized with UPPER/TRIM
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, total DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, total FROM orders
WHERE cust_id IN (SELECT id FROM customers WHERE vip AND UPPER(TRIM(country)) <> 'CN')
ORDER BY order_id;
