-- RANGE BETWEEN n PRECEDING AND m FOLLOWING per partition: peers (equal values) share a frame
CREATE TEMPORARY TABLE out1 (i INT, k STRING, v INT, s INT, c BIGINT, mn INT, mx INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(i, k, v) AS VALUES (1, 'a', 1), (2, 'a', 2), (3, 'a', 2), (4, 'a', 4), (5, 'a', 7), (6, 'b', 3), (7, 'b', 5), (8, 'b', 6);
INSERT INTO out1 SELECT i, k, v,
  SUM(v) OVER w, COUNT(*) OVER w, MIN(v) OVER w, MAX(v) OVER w
FROM t WINDOW w AS (PARTITION BY k ORDER BY v RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING)
ORDER BY i;
