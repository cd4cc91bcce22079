-- an aggregate inside FILTER is refused
CREATE TEMPORARY TABLE out1 (n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (2);
INSERT INTO out1 SELECT COUNT(*) FILTER (WHERE SUM(v) > 1) FROM t;
