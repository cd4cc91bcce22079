-- CAST of DECIMAL to STRING keeps trailing zeros of the scale
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d) AS VALUES (1.5), (0.25), (-10.0);
INSERT INTO out1 SELECT CAST(CAST(d AS DECIMAL(8, 3)) AS STRING) FROM t;
