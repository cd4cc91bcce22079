-- SUM of INT values that exceed INT range
CREATE TEMPORARY TABLE out1 (s INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (2147483647), (1);
INSERT INTO out1 SELECT SUM(v) FROM t;
