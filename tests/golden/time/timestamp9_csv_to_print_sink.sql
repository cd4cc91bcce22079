-- TIMESTAMP(9) read from csv with its nanoseconds, filtered against a TIMESTAMP(9) literal, and written to print sinks of TIMESTAMP(9) and TIMESTAMP_LTZ(9)
CREATE TABLE src (k INT, ts TIMESTAMP(9)) WITH ('connector' = 'filesystem', 'path' = 'timestamp9.csv', 'format' = 'csv');
CREATE TABLE snk (k INT, ts TIMESTAMP(9), ltz TIMESTAMP_LTZ(9), s STRING, ms BIGINT, us BIGINT) WITH ('connector' = 'print');
INSERT INTO snk SELECT k, ts, CAST(ts AS TIMESTAMP_LTZ(9)), CAST(ts AS STRING), EXTRACT(MILLISECOND FROM ts), EXTRACT(MICROSECOND FROM ts) FROM src WHERE ts > TIMESTAMP '2021-04-13 20:12:11.123456788';
