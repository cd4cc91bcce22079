-- OVER aggregation: sum of the same product's orders in the last hour (source: Flink docs, Queries > Over Aggregation, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/over-agg/ ; csv instead of Kafka) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, order_time TIMESTAMP(3), amount DECIMAL(10, 2), one_hour_prod_amount_sum DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;
