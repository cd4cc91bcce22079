-- NULL order keys form their own peer group in a RANGE frame with an offset
CREATE TEMPORARY TABLE out1 (i INT, v INT, x INT, s INT, c BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(i, v, x) AS VALUES (1, CAST(NULL AS INT), 100), (2, CAST(NULL AS INT), 200), (3, 1, 1), (4, 2, 2), (5, 3, 3), (6, 5, CAST(NULL AS INT));
INSERT INTO out1 SELECT i, v, x,
  SUM(x) OVER w, COUNT(x) OVER w
FROM t WINDOW w AS (ORDER BY v RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING)
ORDER BY i;
