-- a WHERE condition that is not BOOLEAN
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1);
INSERT INTO out1 SELECT x FROM t WHERE x;
