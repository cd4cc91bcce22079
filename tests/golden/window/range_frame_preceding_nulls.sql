-- RANGE BETWEEN 3 PRECEDING AND 1 PRECEDING where a partition holds a NULL order key (divergence: Flink 2.3 gives every row of that partition an empty frame)
CREATE TEMPORARY TABLE out1 (i INT, k STRING, v INT, s INT, c BIGINT, mn INT, mx INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(i, k, v) AS VALUES (1, 'a', 1), (2, 'a', 2), (3, 'a', 2), (4, 'a', 3), (5, 'a', 7), (6, 'a', CAST(NULL AS INT)), (7, 'b', 3), (8, 'b', 4), (9, 'b', 5), (10, 'b', 6);
INSERT INTO out1 SELECT i, k, v, SUM(v) OVER w, COUNT(*) OVER w, MIN(v) OVER w, MAX(v) OVER w
FROM t WINDOW w AS (PARTITION BY k ORDER BY v RANGE BETWEEN 3 PRECEDING AND 1 PRECEDING) ORDER BY i;
