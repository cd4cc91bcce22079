-- comparing an INT column with a numeric string literal
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2), (10);
INSERT INTO out1 SELECT x FROM t WHERE x = '10';
