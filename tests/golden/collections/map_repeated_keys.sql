-- a repeated MAP key keeps its last value (MAP[...] and STR_TO_MAP); ARRAY_JOIN with a NULL separator; ARRAY_SORT descending puts NULLs last
CREATE TEMPORARY TABLE out1 (m MAP<STRING, INT>, n MAP<STRING, STRING>, c INT, j STRING, k ARRAY<INT>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT MAP['a', 1, 'b', 2, 'a', 3], STR_TO_MAP('a=1,b,a=2'), CARDINALITY(MAP['a', 1, 'a', 2]), ARRAY_JOIN(ARRAY['x', 'y'], CAST(NULL AS STRING)), ARRAY_SORT(ARRAY[2, CAST(NULL AS INT), 1], FALSE);
