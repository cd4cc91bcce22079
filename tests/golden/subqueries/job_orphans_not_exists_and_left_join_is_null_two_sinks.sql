-- orders whose customer is unknown: NOT EXISTS anti join, and LEFT JOIN IS NULL into a second sink
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE orphans_a (order_id INT, cust_id INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE orphans_b (order_id INT, cust_id INT) WITH ('connector' = 'print');
INSERT INTO orphans_a SELECT order_id, cust_id FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.cust_id);
INSERT INTO orphans_b SELECT o.order_id, o.cust_id FROM orders o LEFT JOIN customers c ON c.id = o.cust_id WHERE c.id IS NULL;
