-- per-sensor MIN/MAX/COUNT over a pipe-delimited csv whose values include NaN and an empty field
CREATE TABLE readings (sensor STRING, ts TIMESTAMP(0), val DOUBLE)
  WITH ('connector' = 'filesystem', 'path' = 'shop_readings.csv', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (sensor STRING, n BIGINT, nv BIGINT, first_ts TIMESTAMP(0), last_ts TIMESTAMP(0)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT sensor, COUNT(*), COUNT(val), MIN(ts), MAX(ts) FROM readings GROUP BY sensor ORDER BY sensor;
