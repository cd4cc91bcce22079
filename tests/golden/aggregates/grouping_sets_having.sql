-- HAVING GROUPING(...) keeps only the subtotals; GROUP BY k, ROLLUP (s) crosses the sets
CREATE TEMPORARY TABLE out1 (k STRING, s STRING, n BIGINT, g BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, s) AS VALUES ('x', 'a'), ('x', 'b'), ('y', 'a');
INSERT INTO out1 SELECT k, s, COUNT(*), GROUPING_ID(k, s) FROM t
GROUP BY k, ROLLUP (s) HAVING GROUPING(s) = 1 ORDER BY k;
