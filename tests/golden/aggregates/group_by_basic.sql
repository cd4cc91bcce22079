-- GROUP BY one column with COUNT, SUM and AVG
CREATE TEMPORARY TABLE out1 (dept STRING, n BIGINT, total INT, avg_ INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(dept, salary) AS VALUES ('eng', 100), ('eng', 121), ('ops', 80), ('eng', 90), ('ops', 70);
INSERT INTO out1 SELECT dept, COUNT(*), SUM(salary), AVG(salary)
FROM t
GROUP BY dept ORDER BY dept;
