-- a temporary table shadows a permanent table of the same name
CREATE TABLE out1 (x INT) WITH ('connector' = 'blackhole');
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
