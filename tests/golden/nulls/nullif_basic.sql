-- NULLIF gives NULL when both arguments are equal
CREATE TEMPORARY TABLE out1 (x INT, r INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (0), (3);
INSERT INTO out1 SELECT x, NULLIF(x, 0) FROM t;
