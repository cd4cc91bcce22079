-- running total and order rank per customer with OVER windows (ROWS frame) on a csv source
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (customer_id INT, order_id INT, amount DECIMAL(10, 2), running DECIMAL(38, 2), rn BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT customer_id, order_id, amount,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW),
       ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ts)
FROM orders
ORDER BY customer_id, order_id;
