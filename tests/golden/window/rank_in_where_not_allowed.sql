-- a window function directly in WHERE is refused
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (2);
INSERT INTO out1 SELECT v FROM t WHERE ROW_NUMBER() OVER (ORDER BY v) = 1;
