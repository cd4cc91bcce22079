-- RANGE offsets over a DESC order key count the other way: 1 PRECEDING means values up to 1 above
CREATE TEMPORARY TABLE out1 (i INT, v INT, a INT, b INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(i, v) AS VALUES (1, 1), (2, 2), (3, 2), (4, 4), (5, 5), (6, 9);
INSERT INTO out1 SELECT i, v,
  SUM(v) OVER (ORDER BY v DESC RANGE BETWEEN 1 PRECEDING AND CURRENT ROW),
  SUM(v) OVER (ORDER BY v DESC RANGE BETWEEN CURRENT ROW AND 3 FOLLOWING)
FROM t ORDER BY i;
