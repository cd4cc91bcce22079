-- AVG, SUM and division of DECIMAL values: result scale as Flink types it
CREATE TEMPORARY VIEW t (k, v) AS VALUES ('a', CAST(1.10 AS DECIMAL(6, 2))), ('a', CAST(2.25 AS DECIMAL(6, 2))), ('a', CAST(3.00 AS DECIMAL(6, 2))), ('b', CAST(0.01 AS DECIMAL(6, 2)));
CREATE TEMPORARY TABLE out1 (k STRING, s DECIMAL(38, 2), a DECIMAL(38, 6), third DECIMAL(38, 6), mx DECIMAL(6, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT k, SUM(v), AVG(v), SUM(v) / 3, MAX(v) FROM t GROUP BY k ORDER BY k;
