-- anti join by NOT EXISTS (correlated) and IN with a subquery, customers by signup year
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE no_orders (id INT, name STRING, signup_year BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE big_spenders (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO no_orders
SELECT id, name, EXTRACT(YEAR FROM signup) FROM customers c
WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) ORDER BY id;
INSERT INTO big_spenders
SELECT id, name FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE amount >= 100) ORDER BY id;
