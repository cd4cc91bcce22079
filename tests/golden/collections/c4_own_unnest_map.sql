-- UNNEST of a MAP column gives key/value rows; a LEFT JOIN LATERAL keeps empty maps [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY TABLE sensors (
  id STRING, temp DOUBLE, tags ARRAY<STRING>, attrs MAP<STRING, STRING>, `at` STRING
) WITH ('connector' = 'filesystem', 'path' = 'c4_sensors.json', 'format' = 'json');
SELECT s.id, k, v FROM sensors s LEFT JOIN LATERAL UNNEST(s.attrs) AS t(k, v) ON TRUE ORDER BY s.`at`, k;
