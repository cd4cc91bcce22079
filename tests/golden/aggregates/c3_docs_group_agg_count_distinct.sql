-- COUNT(*), COUNT(DISTINCT order_id) and a per-order summary with MAX/MIN (source: Flink docs, Queries > Group Aggregation, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/group-agg/ ; csv instead of Kafka) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
SELECT COUNT(*) FROM Orders;
SELECT COUNT(DISTINCT customer_id) FROM Orders;
SELECT customer_id, COUNT(*) AS order_cnt, SUM(amount) AS total, MAX(amount) AS max_amount, MIN(amount) AS min_amount
FROM Orders
GROUP BY customer_id
ORDER BY customer_id;
