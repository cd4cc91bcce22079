-- three CTEs: cleaned orders, per-customer ranks, and customers with a refund (EXISTS), joined in the final select
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (customer_id INT, order_id INT, amount DECIMAL(10, 2), rk BIGINT, had_refund BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1
WITH clean AS (SELECT * FROM orders WHERE amount > 0),
     ranked AS (SELECT customer_id, order_id, amount, RANK() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rk FROM clean),
     refunders AS (SELECT DISTINCT customer_id FROM orders o WHERE EXISTS (SELECT 1 FROM orders r WHERE r.customer_id = o.customer_id AND r.status = 'refunded'))
SELECT r.customer_id, r.order_id, r.amount, r.rk, f.customer_id IS NOT NULL
FROM ranked r LEFT JOIN refunders f ON r.customer_id = f.customer_id
ORDER BY r.customer_id, r.rk, r.order_id;
