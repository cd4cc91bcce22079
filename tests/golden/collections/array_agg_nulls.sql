-- ARRAY_AGG keeps NULL values (a group of only NULLs gives [null]); COLLECT counts each non-NULL value
CREATE TEMPORARY TABLE out1 (k STRING, a ARRAY<INT>, c MULTISET<INT>) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', CAST(NULL AS INT)), ('a', 1), ('a', 2), ('b', CAST(NULL AS INT));
INSERT INTO out1 SELECT k, ARRAY_AGG(v), COLLECT(v) FROM t GROUP BY k ORDER BY k;
