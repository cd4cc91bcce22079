-- json timestamps in ISO-8601 read with 'json.timestamp-format.standard' = 'ISO-8601', then bucketed by hour [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE ev (id INT, at TIMESTAMP(3)) WITH (
  'connector' = 'filesystem', 'path' = 'c3_iso.json', 'format' = 'json', 'json.timestamp-format.standard' = 'ISO-8601');
SELECT id, at, FLOOR(at TO HOUR) FROM ev ORDER BY at;
