-- conditional aggregation pivot: SUM(CASE ...), COUNT with FILTER, AVG of DECIMAL per tier
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (tier STRING, paid DECIMAL(38, 2), refunds BIGINT, avg_amount DECIMAL(38, 6)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT CASE WHEN c.tier = '' THEN '(none)' ELSE c.tier END,
       SUM(CASE WHEN o.status = 'paid' THEN o.amount ELSE 0 END),
       COUNT(*) FILTER (WHERE o.status IN ('refunded', 'chargeback')),
       AVG(o.amount)
FROM orders o JOIN customers c ON o.customer_id = c.id
GROUP BY CASE WHEN c.tier = '' THEN '(none)' ELSE c.tier END
ORDER BY 1;
