-- a view used before its CREATE VIEW statement
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM later;
CREATE TEMPORARY VIEW later AS SELECT 1 AS x;
