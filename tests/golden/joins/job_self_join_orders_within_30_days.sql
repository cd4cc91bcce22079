-- self join: pairs of orders by the same customer within 30 days
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (cust_id INT, first_id INT, next_id INT, gap INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT a.cust_id, a.order_id, b.order_id, TIMESTAMPDIFF(DAY, CAST(a.order_date AS TIMESTAMP), CAST(b.order_date AS TIMESTAMP))
FROM orders a JOIN orders b ON a.cust_id = b.cust_id AND a.order_id < b.order_id
WHERE b.order_date <= a.order_date + INTERVAL '30' DAY
ORDER BY 1, 2, 3;
