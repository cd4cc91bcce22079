-- json with a quoted number, a missing field, an extra field, arrays and a map, read into typed columns [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY TABLE sensors (
  id STRING, temp DOUBLE, tags ARRAY<STRING>, attrs MAP<STRING, STRING>, `at` TIMESTAMP(3)
) WITH ('connector' = 'filesystem', 'path' = 'c4_sensors.json', 'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601');
SELECT id, temp, CARDINALITY(tags) AS ntags, attrs['room'] AS room, `at` FROM sensors ORDER BY `at`;
