-- top-2 orders per customer by amount via ROW_NUMBER in a subquery, joined to names
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, order_id INT, amount DECIMAL(10, 2), pos BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT c.name, r.order_id, r.amount, r.pos FROM (
  SELECT order_id, customer_id, amount, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS pos FROM orders
) r JOIN customers c ON c.id = r.customer_id
WHERE r.pos <= 2
ORDER BY c.name, r.pos;
