-- aggregates skip NULLs; COUNT(*) does not
CREATE TEMPORARY TABLE out1 (n BIGINT, n_v BIGINT, s INT, mx INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (CAST(NULL AS INT)), (5);
INSERT INTO out1 SELECT COUNT(*), COUNT(v), SUM(v), MAX(v) FROM t;
