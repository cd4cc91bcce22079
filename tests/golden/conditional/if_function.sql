-- IF(cond, a, b), with a NULL condition
CREATE TEMPORARY TABLE out1 (x INT, r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (5), (CAST(NULL AS INT));
INSERT INTO out1 SELECT x, IF(x > 1, 'big', 'small') FROM t;
