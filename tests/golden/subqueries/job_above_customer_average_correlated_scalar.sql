-- orders above their customer's average (correlated scalar subquery)
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, cust_id INT, total DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, cust_id, total FROM orders o
WHERE total > (SELECT AVG(total) FROM orders i WHERE i.cust_id = o.cust_id)
ORDER BY order_id;
