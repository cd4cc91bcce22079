-- CAST of strings with T separator, fractions and bare dates to TIMESTAMP; TRY_CAST of junk
CREATE TEMPORARY VIEW s (v) AS VALUES ('2024-03-01 10:00:00'), ('2024-03-01T10:00:00'), ('2024-03-01 10:00:00.123456'), ('2024-03-01'), ('junk');
CREATE TEMPORARY TABLE out1 (v STRING, ts TIMESTAMP(6)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT v, TRY_CAST(v AS TIMESTAMP(6)) FROM s;
