-- orders placed within 60 days of signup, per customer, with a join condition on dates
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, early_orders BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT c.id, COUNT(o.order_id)
FROM customers c LEFT JOIN orders o ON o.cust_id = c.id AND o.order_date < c.signup + INTERVAL '60' DAY
GROUP BY c.id ORDER BY c.id;
