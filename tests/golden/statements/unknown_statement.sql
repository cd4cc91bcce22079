-- a statement Flink cannot parse
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
UPSERT INTO out1 SELECT 1;
