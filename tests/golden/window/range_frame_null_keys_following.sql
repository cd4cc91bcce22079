-- a NULL order key moved n FOLLOWING lies just past its NULL peers: 1 FOLLOWING AND 3 FOLLOWING leaves them out
CREATE TEMPORARY TABLE out1 (i INT, v INT, c BIGINT, s INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(i, v) AS VALUES (1, 1), (2, 2), (3, 2), (4, 3), (5, 7), (6, CAST(NULL AS INT)), (7, CAST(NULL AS INT));
INSERT INTO out1 SELECT i, v, COUNT(*) OVER w, SUM(v) OVER w
FROM t WINDOW w AS (ORDER BY v RANGE BETWEEN 1 FOLLOWING AND 3 FOLLOWING) ORDER BY i;
