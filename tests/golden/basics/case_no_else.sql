-- CASE without ELSE gives NULL when nothing matches
CREATE TEMPORARY TABLE out1 (x INT, label STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1
SELECT x, CASE WHEN x > 1 THEN 'big' END FROM t;
