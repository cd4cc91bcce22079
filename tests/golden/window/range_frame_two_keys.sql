-- a RANGE offset needs a single ORDER BY key: two keys are refused
CREATE TEMPORARY TABLE out1 (a INT, b INT, s INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (1, 1), (1, 2), (2, 1);
INSERT INTO out1 SELECT a, b,
  SUM(b) OVER (ORDER BY a, b RANGE BETWEEN 1 PRECEDING AND CURRENT ROW)
FROM t ORDER BY a, b;
