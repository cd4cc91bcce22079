-- json format with 'json.ignore-parse-errors' = 'true' over a file with a malformed line and a wrong-typed field (source: Flink docs, Formats > JSON, https://nightlies.apache.org/flink/flink-docs-stable/docs/connectors/table/formats/json/ ; filesystem instead of Kafka) [corpus3; expectation from the Flink oracle]
CREATE TABLE user_behavior (
  user_id BIGINT,
  item_id BIGINT,
  category_id BIGINT,
  behavior STRING,
  ts TIMESTAMP(3)
) WITH (
 'connector' = 'filesystem',
 'path' = 'c3_user_behavior.json',
 'format' = 'json',
 'json.fail-on-missing-field' = 'false',
 'json.ignore-parse-errors' = 'true'
);
SELECT user_id, behavior, ts FROM user_behavior;
