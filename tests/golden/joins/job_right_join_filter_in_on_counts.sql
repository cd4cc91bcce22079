-- RIGHT JOIN keeps every customer, counts orders and picks the name
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT c.id, COUNT(o.order_id) FROM orders o RIGHT JOIN customers c ON o.cust_id = c.id AND o.status = 'paid' GROUP BY c.id ORDER BY c.id;
