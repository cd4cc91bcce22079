-- INSERT INTO ... a UNION ALL without a wrapping SELECT
CREATE TEMPORARY TABLE out1 (x INT, s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1, 'one' UNION ALL SELECT 2, 'two';
