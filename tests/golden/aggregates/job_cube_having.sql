-- CUBE over two keys counting rows, with HAVING on the count
CREATE TEMPORARY VIEW t(a, b) AS VALUES ('x', 1), ('x', 2), ('y', 1), ('y', 1);
CREATE TEMPORARY TABLE out1 (a STRING, b INT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b, COUNT(*) FROM t GROUP BY CUBE (a, b) HAVING COUNT(*) > 1 ORDER BY a NULLS FIRST, b NULLS FIRST;
