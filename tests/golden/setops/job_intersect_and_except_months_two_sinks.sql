-- customers who ordered in both January and February (INTERSECT) and in January only (EXCEPT)
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE both_months (cust_id INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE jan_only (cust_id INT) WITH ('connector' = 'print');
INSERT INTO both_months
SELECT cust_id FROM orders WHERE MONTH(order_date) = 1
INTERSECT
SELECT cust_id FROM orders WHERE MONTH(order_date) = 3;
INSERT INTO jan_only
SELECT cust_id FROM orders WHERE order_date < DATE '2024-02-01'
EXCEPT
SELECT cust_id FROM orders WHERE order_date >= DATE '2024-03-01';
