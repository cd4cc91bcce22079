-- orders per month and status with a year-month string built from EXTRACT and LPAD
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (ym STRING, status STRING, n BIGINT, total DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT CAST(EXTRACT(YEAR FROM order_date) AS STRING) || '-' || LPAD(CAST(EXTRACT(MONTH FROM order_date) AS STRING), 2, '0') AS ym,
       status, COUNT(*), SUM(total)
FROM orders
GROUP BY CAST(EXTRACT(YEAR FROM order_date) AS STRING) || '-' || LPAD(CAST(EXTRACT(MONTH FROM order_date) AS STRING), 2, '0'), status
ORDER BY ym, status;
