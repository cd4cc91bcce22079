-- status groups with more than one order and an average over 10, ordered by average
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (status STRING, n BIGINT, a DECIMAL(38, 6)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT status, COUNT(*), AVG(total) FROM orders GROUP BY status HAVING COUNT(*) > 1 AND AVG(total) > 10 ORDER BY AVG(total) DESC;
