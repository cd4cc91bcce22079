-- SET of an ML_PREDICT runtime option
SET 'table.exec.async-ml-predict.max-concurrent-operations' = '20';
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
