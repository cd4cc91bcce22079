-- LEAD with offset 2 and a default, LAG of a STRING, within partitions ordered by two keys
CREATE TEMPORARY VIEW v(g, a, b, s) AS VALUES ('x', 1, 2, 'p'), ('x', 1, 1, 'q'), ('x', 2, 0, 'r'), ('y', 1, 1, 's');
CREATE TEMPORARY TABLE out1 (g STRING, a INT, b INT, lead2 INT, prev_s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT g, a, b, LEAD(b, 2, -1) OVER (PARTITION BY g ORDER BY a, b), LAG(s) OVER (PARTITION BY g ORDER BY a, b) FROM v ORDER BY g, a, b;
