-- SET with a known Flink key, then a query
SET 'table.exec.resource.default-parallelism' = '1';
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
