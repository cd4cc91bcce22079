-- sample statistics of a one-row group are NULL; INT results are cut toward zero
CREATE TEMPORARY TABLE out1 (k STRING, ss INT, vs INT, sp INT, vp DOUBLE, sd DOUBLE, vd DECIMAL(38, 6)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v, d) AS VALUES ('a', 1, CAST(1.5 AS DECIMAL(4, 2))), ('a', 2, CAST(2.25 AS DECIMAL(4, 2))), ('b', 7, CAST(0.05 AS DECIMAL(4, 2))), ('c', CAST(NULL AS INT), CAST(NULL AS DECIMAL(4, 2)));
INSERT INTO out1 SELECT k, STDDEV_SAMP(v), VAR_SAMP(v), STDDEV_POP(v), VAR_POP(CAST(v AS DOUBLE)), STDDEV(CAST(v AS DOUBLE)), VARIANCE(d)
FROM t GROUP BY k ORDER BY k;
