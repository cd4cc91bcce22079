-- NTILE quartiles (BIGINT) and CUME_DIST over order amounts, into sink columns of the right types
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, amount DECIMAL(10, 2), quartile BIGINT, cd DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, amount, NTILE(4) OVER (ORDER BY amount), CUME_DIST() OVER (ORDER BY amount)
FROM orders ORDER BY amount;
