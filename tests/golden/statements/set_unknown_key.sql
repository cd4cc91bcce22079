-- SET of a key Flink does not know is kept and ignored
SET 'schedule.cron' = '0 2 * * *';
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
