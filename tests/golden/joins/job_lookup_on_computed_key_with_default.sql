-- a VALUES lookup table joined on a computed key (UPPER of a code) with a default for misses
CREATE TEMPORARY VIEW codes(code, label) AS VALUES ('PAID', 'Paid'), ('REFUNDED', 'Refunded');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT o.order_id, COALESCE(c.label, 'Other (' || o.status || ')') FROM orders o LEFT JOIN codes c ON UPPER(o.status) = c.code ORDER BY o.order_id;
