-- LIMIT 0 gives no rows
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (5), (3);
INSERT INTO out1 SELECT v FROM t LIMIT 0;
