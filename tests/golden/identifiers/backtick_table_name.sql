-- a table name in backticks with a dash
CREATE TEMPORARY TABLE `out-1` (x INT) WITH ('connector' = 'print');
INSERT INTO `out-1` SELECT 1;
