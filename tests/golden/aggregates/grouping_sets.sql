-- GROUP BY GROUPING SETS with subtotals
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES ('x', 'p'), ('x', 'q'), ('y', 'p');
INSERT INTO out1 SELECT a, b, COUNT(*) FROM t
GROUP BY GROUPING SETS ((a, b), (a), ()) ORDER BY a NULLS LAST, b NULLS LAST;
