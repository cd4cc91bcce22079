-- a view using EXISTS against a csv table, read by two INSERTs with different filters
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW buyers AS SELECT * FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'paid');
CREATE TEMPORARY TABLE eu (id INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE us (id INT) WITH ('connector' = 'print');
INSERT INTO eu SELECT id FROM buyers WHERE country IN ('DE', 'FR') ORDER BY id;
INSERT INTO us SELECT id FROM buyers WHERE country = 'US' ORDER BY id;
