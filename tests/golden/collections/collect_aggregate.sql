-- COLLECT gathers values into a MULTISET, and ARRAY_AGG into an array
CREATE TEMPORARY TABLE out1 (k STRING, vs ARRAY<INT>) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 2), ('b', 3);
INSERT INTO out1 SELECT k, ARRAY_AGG(v) FROM t GROUP BY k ORDER BY k;
