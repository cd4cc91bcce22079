-- where NULLs sort in descending order by default
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (2), (CAST(NULL AS INT)), (1);
INSERT INTO out1 SELECT v FROM t ORDER BY v DESC;
