-- pivot products into columns with COUNT(*) FILTER and SUM(CASE ...) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE pivot (customer_id INT, apples BIGINT, bananas BIGINT, cherry_amount DECIMAL(38, 2), other_amount DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO pivot
SELECT customer_id,
       COUNT(*) FILTER (WHERE product = 'apple'),
       COUNT(*) FILTER (WHERE product = 'banana'),
       SUM(CASE WHEN product = 'cherry' THEN amount END),
       SUM(CASE WHEN product NOT IN ('apple', 'banana', 'cherry') THEN amount ELSE 0 END)
FROM Orders
GROUP BY customer_id
ORDER BY customer_id;
