-- SET of a boolean key Flink reads, with a value that is not a boolean
SET 'table.dml-sync' = 'perhaps';
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
