-- ORDER BY with LIMIT keeps the top rows
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (5), (3), (9), (1);
INSERT INTO out1 SELECT v FROM t ORDER BY v DESC LIMIT 2;
