-- ARRAY built per row, ARRAY_CONTAINS, element access, ARRAY_DISTINCT, ARRAY_JOIN and CARDINALITY
CREATE TEMPORARY VIEW v(id, a, b, c) AS VALUES (1, 'x', 'y', 'x'), (2, 'p', CAST(NULL AS STRING), 'q');
CREATE TEMPORARY TABLE out1 (id INT, arr ARRAY<STRING>, has_x BOOLEAN, second STRING, uniq ARRAY<STRING>, joined STRING, n INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, ARRAY[a, b, c], ARRAY_CONTAINS(ARRAY[a, b, c], 'x'), ARRAY[a, b, c][2], ARRAY_DISTINCT(ARRAY[a, b, c]), ARRAY_JOIN(ARRAY[a, b, c], ',', '?'), CARDINALITY(ARRAY[a, b, c])
FROM v ORDER BY id;
