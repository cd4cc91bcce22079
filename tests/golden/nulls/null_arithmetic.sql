-- arithmetic with NULL gives NULL
CREATE TEMPORARY TABLE out1 (a INT, b INT, c INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (CAST(NULL AS INT)), (3);
INSERT INTO out1 SELECT v + 1, v * 0, 10 - v FROM t;
