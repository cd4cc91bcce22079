-- ORDER BY aggregates a GROUP BY query does not select (with LIMIT, HAVING, an ordinal, and beside a selected one)
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 1), ('b', 5), ('a', 1), ('c', 2), ('c', 2);
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (k STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out3 (k STRING, s INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, COUNT(*) AS n FROM v GROUP BY k ORDER BY SUM(x) DESC, k LIMIT 2;
INSERT INTO out2 SELECT k FROM v GROUP BY k HAVING COUNT(*) > 1 ORDER BY MAX(x) + 1, 1;
INSERT INTO out3 SELECT k, SUM(x) AS s FROM v GROUP BY k ORDER BY SUM(x), AVG(x) DESC;
