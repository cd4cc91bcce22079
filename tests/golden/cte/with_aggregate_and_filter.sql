-- a CTE with an aggregate filtered in the outer query
CREATE TEMPORARY TABLE out1 (k STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k) AS VALUES ('a'), ('a'), ('b');
INSERT INTO out1
WITH counts AS (SELECT k, COUNT(*) AS n FROM t GROUP BY k)
SELECT k FROM counts WHERE n > 1;
