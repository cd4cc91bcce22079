-- HAVING filters groups by an aggregate
CREATE TEMPORARY TABLE out1 (k STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k) AS VALUES ('a'), ('a'), ('b'), ('c'), ('c'), ('c');
INSERT INTO out1 SELECT k, COUNT(*) FROM t
GROUP BY k HAVING COUNT(*) >= 2 ORDER BY k;
