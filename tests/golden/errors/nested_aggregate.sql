-- an aggregate inside an aggregate
CREATE TEMPORARY TABLE out1 (n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k) AS VALUES ('a');
INSERT INTO out1 SELECT MAX(COUNT(*)) FROM t;
