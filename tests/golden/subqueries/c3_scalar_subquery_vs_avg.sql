-- correlated scalar subquery: each order against its customer's average, plus an uncorrelated max [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, amount DECIMAL(10, 2), cust_avg DECIMAL(38, 6), above BOOLEAN, share_of_max DECIMAL(38, 6)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT o.order_id, o.amount,
       (SELECT AVG(i.amount) FROM Orders i WHERE i.customer_id = o.customer_id) AS cust_avg,
       o.amount > (SELECT AVG(i.amount) FROM Orders i WHERE i.customer_id = o.customer_id),
       o.amount / (SELECT MAX(amount) FROM Orders)
FROM Orders o
ORDER BY o.order_id;
