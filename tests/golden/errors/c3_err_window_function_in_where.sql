-- user mistake: ROW_NUMBER() used directly in WHERE instead of a subquery [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
SELECT order_id FROM Orders WHERE ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY order_time) = 1;
