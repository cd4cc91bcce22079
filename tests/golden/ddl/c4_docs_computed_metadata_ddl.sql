-- Flink docs, CREATE TABLE, computed columns (nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/create/): cost AS price * quantity over a csv [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY TABLE MyTable (
  `user_id` BIGINT,
  `price` DOUBLE,
  `quantity` DOUBLE,
  `cost` AS price * quanitity
) WITH ('connector' = 'filesystem', 'path' = 'c4_orders.csv', 'format' = 'csv');
SELECT * FROM MyTable;
