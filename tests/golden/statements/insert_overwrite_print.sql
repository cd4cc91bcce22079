-- INSERT OVERWRITE into a print sink
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT OVERWRITE out1 SELECT 1;
