-- COALESCE of an INT column and a literal default
CREATE TEMPORARY TABLE out1 (r INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (CAST(NULL AS INT)), (4);
INSERT INTO out1 SELECT COALESCE(v, -1) FROM t;
