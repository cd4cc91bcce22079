-- WINDOW clause shared by SUM and AVG over a one-hour range (source: Flink docs, Queries > Over Aggregation, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/over-agg/ ; csv instead of Kafka) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
SELECT order_id, order_time, amount,
  SUM(amount) OVER w AS sum_amount,
  AVG(amount) OVER w AS avg_amount
FROM Orders
WINDOW w AS (
  PARTITION BY product
  ORDER BY order_time
  RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW);
