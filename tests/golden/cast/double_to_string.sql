-- CAST of DOUBLE values to STRING uses Java's Double.toString forms
CREATE TEMPORARY TABLE out1 (d DOUBLE, s STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d) AS VALUES (1.0e0), (0.1e0), (1.0e7), (1.5e-4), (123456.789e0);
INSERT INTO out1 SELECT d, CAST(d AS STRING) FROM t;
