-- first order per customer (ROW_NUMBER ASC), joined to the customer's name
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, first_order INT, days_after_signup INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT c.name, f.order_id, TIMESTAMPDIFF(DAY, CAST(c.signup AS TIMESTAMP), CAST(f.order_date AS TIMESTAMP))
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY cust_id ORDER BY order_date, order_id) AS rn FROM orders) f
JOIN customers c ON c.id = f.cust_id
WHERE f.rn = 1
ORDER BY c.id;
