-- CAST of an INT out of TINYINT range wraps around
CREATE TEMPORARY TABLE out1 (x INT, t TINYINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (100), (200), (-129);
INSERT INTO out1 SELECT x, CAST(x AS TINYINT) FROM t;
