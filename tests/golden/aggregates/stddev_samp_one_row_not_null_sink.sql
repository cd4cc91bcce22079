-- STDDEV_SAMP of a one-row group (typed NOT NULL under GROUP BY) written into a NOT NULL sink column
CREATE TEMPORARY VIEW t(k, v) AS VALUES (1, 10), (1, 20), (2, 5);
CREATE TEMPORARY TABLE out1 (k INT, a DOUBLE NOT NULL) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, STDDEV_SAMP(CAST(v AS DOUBLE)) FROM t GROUP BY k;
