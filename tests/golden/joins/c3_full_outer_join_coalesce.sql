-- FULL OUTER JOIN of customers and per-customer order totals, COALESCE on both sides [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE Customers (
  customer_id INT,
  name STRING,
  city STRING,
  signup_date DATE
) WITH ('connector' = 'filesystem', 'path' = 'c3_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (customer_id INT, name STRING, total DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT COALESCE(c.customer_id, t.customer_id), COALESCE(c.name, '?'), COALESCE(t.total, 0)
FROM Customers c
FULL OUTER JOIN (SELECT customer_id, SUM(amount) AS total FROM Orders GROUP BY customer_id) t
  ON c.customer_id = t.customer_id
ORDER BY 1;
