-- a key a batch job never reads takes any value (mini-batch is streaming's)
SET 'table.exec.mini-batch.enabled' = 'yes';
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
