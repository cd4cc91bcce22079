-- share of the grand total with SUM(...) OVER () and of the group total with OVER (PARTITION BY) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
SELECT order_id, product, amount,
       CAST(amount * 100 / SUM(amount) OVER () AS DECIMAL(6, 2)) AS pct_all,
       CAST(amount * 100 / SUM(amount) OVER (PARTITION BY product) AS DECIMAL(6, 2)) AS pct_product
FROM Orders
ORDER BY order_id;
