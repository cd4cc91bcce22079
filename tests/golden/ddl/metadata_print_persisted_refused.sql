-- a print table with a persisted metadata column
CREATE TEMPORARY TABLE out1 (id INT, m STRING METADATA) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1, 'x';
