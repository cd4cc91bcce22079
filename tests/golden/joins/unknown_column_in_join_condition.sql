-- a join condition naming a column the joined table does not have (o.cust_id)
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT c.name, o.amount FROM customers c JOIN orders o ON o.cust_id = c.id;
