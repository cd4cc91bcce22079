-- report: per-customer totals, distinct products, HAVING on the sum, joined to names, sorted [corpus3; expectation from the Flink oracle]
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
CREATE TEMPORARY TABLE report (name STRING, city STRING, orders BIGINT, products BIGINT, total DECIMAL(38, 2), biggest DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO report
SELECT c.name, COALESCE(c.city, 'unknown'), COUNT(*), COUNT(DISTINCT o.product), SUM(o.amount), MAX(o.amount)
FROM Orders o JOIN Customers c ON o.customer_id = c.customer_id
GROUP BY c.name, c.city
HAVING SUM(o.amount) > 5
ORDER BY SUM(o.amount) DESC, c.name;
