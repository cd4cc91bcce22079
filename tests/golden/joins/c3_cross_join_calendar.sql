-- CROSS JOIN of products and a VALUES calendar, then LEFT JOIN of actual sales to fill zeros [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
WITH days (d) AS (VALUES (DATE '2024-03-01'), (DATE '2024-03-02'), (DATE '2024-03-03')),
prods AS (SELECT DISTINCT product FROM Orders WHERE product IN ('apple', 'banana'))
SELECT d, p.product, COALESCE(SUM(o.amount), 0) AS total
FROM days CROSS JOIN prods p
LEFT JOIN Orders o ON CAST(o.order_time AS DATE) = days.d AND o.product = p.product
GROUP BY d, p.product
ORDER BY d, p.product;
