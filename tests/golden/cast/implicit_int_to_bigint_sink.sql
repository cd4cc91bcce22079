-- an INT expression goes into a BIGINT sink column without CAST
CREATE TEMPORARY TABLE out1 (a BIGINT, b DOUBLE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1 SELECT x, x FROM t;
