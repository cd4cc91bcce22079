-- three-table join: customers, orders, and a VALUES country table, revenue per region
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW countries (code, region) AS VALUES ('US', 'AMER'), ('IE', 'EMEA'), ('ES', 'EMEA'), ('CN', 'APAC');
CREATE TEMPORARY TABLE out1 (region STRING, customers BIGINT, revenue DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT k.region, COUNT(DISTINCT c.id), SUM(o.total)
FROM orders o JOIN customers c ON c.id = o.cust_id JOIN countries k ON k.code = UPPER(TRIM(c.country))
WHERE o.status = 'paid'
GROUP BY k.region ORDER BY k.region;
