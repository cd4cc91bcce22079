-- deduplication keeping the first row per order_id, `user` quoted, result sorted (source: Flink docs, Queries > Deduplication, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/deduplication/ ; csv instead of Kafka, order_time instead of PROCTIME) [corpus3; expectation from the Flink oracle]
CREATE TABLE Orders (
  order_id  STRING,
  `user`    STRING,
  product   STRING,
  num       BIGINT,
  order_time TIMESTAMP(3)
) WITH ('connector' = 'filesystem', 'path' = 'c3_dedup_orders2.csv', 'format' = 'csv');
CREATE TABLE out1 (order_id STRING, u STRING, product STRING, num BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT order_id, `user`, product, num
FROM (
  SELECT *,
    ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY order_time ASC) AS row_num
  FROM Orders)
WHERE row_num = 1
ORDER BY order_id;
