-- cohort report: customers by signup month against their order month, COUNT DISTINCT customers per cell [corpus3; expectation from the Flink oracle]
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
SELECT DATE_FORMAT(CAST(c.signup_date AS TIMESTAMP(3)), 'yyyy-MM') AS cohort,
       DATE_FORMAT(o.order_time, 'yyyy-MM') AS order_month,
       COUNT(DISTINCT c.customer_id) AS active, SUM(o.amount) AS revenue
FROM Customers c JOIN Orders o ON o.customer_id = c.customer_id
GROUP BY DATE_FORMAT(CAST(c.signup_date AS TIMESTAMP(3)), 'yyyy-MM'), DATE_FORMAT(o.order_time, 'yyyy-MM')
ORDER BY cohort, order_month;
