-- an aggregate in WHERE
CREATE TEMPORARY TABLE out1 (k STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k) AS VALUES ('a');
INSERT INTO out1 SELECT k FROM t WHERE COUNT(*) > 1;
