-- an uncorrelated EXISTS is all or nothing
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM t WHERE EXISTS (SELECT 1 FROM t WHERE x > 1) ORDER BY x;
