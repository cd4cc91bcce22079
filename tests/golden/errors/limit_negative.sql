-- a negative LIMIT
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1 LIMIT -1;
