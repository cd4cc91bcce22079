-- per-customer report: left join orders, counts, paid total, last order date, no-orders customers kept
CREATE TABLE customers (id INT, name STRING, email STRING, country STRING, signup DATE, vip BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'c2_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE report (id INT, name STRING, n_orders BIGINT, paid DECIMAL(38, 2), last_order DATE) WITH ('connector' = 'print');
INSERT INTO report
SELECT c.id, TRIM(c.name), COUNT(o.order_id),
       COALESCE(SUM(CASE WHEN o.status = 'paid' THEN o.total END), 0),
       MAX(o.order_date)
FROM customers c LEFT JOIN orders o ON o.cust_id = c.id
GROUP BY c.id, c.name
ORDER BY c.id;
