-- GROUP BY two columns
CREATE TEMPORARY TABLE out1 (a STRING, b INT, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES ('x', 1), ('x', 1), ('x', 2), ('y', 1);
INSERT INTO out1 SELECT a, b, COUNT(*) FROM t
GROUP BY a, b ORDER BY a, b;
