-- a TEMPORARY CTAS: Flink refuses it
CREATE TEMPORARY TABLE t WITH ('connector' = 'print') AS SELECT 1 AS a;
