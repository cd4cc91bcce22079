-- SET of an enum key Flink reads, with a value outside the enum
SET 'table.exec.sink.not-null-enforcer' = 'maybe';
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
