-- user mistake: the docs' computed column cost AS price * quantity retyped with a typo (quanitity) (source: Flink docs, SQL > CREATE Statements, Computed Columns, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/create/ ; filesystem instead of Kafka) [corpus3; expectation from the Flink oracle]
CREATE TABLE MyTable (
  `user_id` BIGINT,
  `price` DOUBLE,
  `quantity` DOUBLE,
  `cost` AS price * quanitity
) WITH ('connector' = 'filesystem', 'path' = 'c3_costs.csv', 'format' = 'csv');
SELECT user_id, cost FROM MyTable;
