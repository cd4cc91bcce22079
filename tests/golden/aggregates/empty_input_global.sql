-- COUNT, SUM, AVG, MIN, MAX over an empty input give one row (COUNT 0, the rest NULL)
CREATE TEMPORARY TABLE out1 (n BIGINT, s INT, a INT, mn INT, mx INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1 SELECT COUNT(*), SUM(x), AVG(x), MIN(x), MAX(x) FROM t WHERE x > 10;
