-- an inline VALUES table as a join dimension (status labels)
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (status STRING, label STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT o.status, COALESCE(l.label, '?'), COUNT(*)
FROM orders o LEFT JOIN (VALUES ('paid', 'Paid'), ('refunded', 'Refunded'), ('pending', 'Awaiting payment')) AS l (code, label) ON l.code = o.status
GROUP BY o.status, l.label ORDER BY o.status;
