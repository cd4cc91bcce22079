-- CAST of strings to TIMESTAMP(3): date only, space separator, fractional seconds
CREATE TEMPORARY TABLE out1 (s STRING, ts TIMESTAMP(3)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('2024-01-05 10:20:30'), ('2024-01-05 10:20:30.5'), ('2024-01-05');
INSERT INTO out1 SELECT s, CAST(s AS TIMESTAMP(3))
FROM t;
