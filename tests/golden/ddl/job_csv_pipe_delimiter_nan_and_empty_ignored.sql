-- pipe-delimited csv with a NaN DOUBLE and an empty DOUBLE field, aggregated per sensor
CREATE TABLE readings (sensor STRING, ts TIMESTAMP(0), val DOUBLE)
  WITH ('connector' = 'filesystem', 'path' = 'shop_readings.csv', 'format' = 'csv', 'csv.field-delimiter' = '|', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (sensor STRING, ts TIMESTAMP(0), val DOUBLE, is_nan BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT sensor, ts, val, val <> val FROM readings ORDER BY sensor, ts;
