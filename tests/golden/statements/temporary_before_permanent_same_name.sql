-- a permanent table declared after a temporary one of the same name
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print', 'print-identifier' = 'temp');
CREATE TABLE out1 (x INT) WITH ('connector' = 'print', 'print-identifier' = 'perm');
INSERT INTO out1 SELECT 1;
