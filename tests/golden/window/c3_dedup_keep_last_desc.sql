-- deduplication keeping the LAST row per key (ORDER BY ts DESC), then the kept rows sorted (source: Flink docs, Queries > Deduplication, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/deduplication/ ; csv instead of Kafka) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE clicks (
  user_id STRING,
  event_type STRING,
  ts TIMESTAMP(3),
  page STRING,
  payload STRING
) WITH ('connector' = 'filesystem', 'path' = 'c3_clicks.json', 'format' = 'json');
SELECT user_id, event_type, ts
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC) AS row_num
  FROM clicks)
WHERE row_num = 1
ORDER BY user_id;
