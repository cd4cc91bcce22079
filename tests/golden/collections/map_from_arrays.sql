-- MAP_FROM_ARRAYS: pairs by position, a repeated key counted but printed once with its last value, NULL arrays NULL
CREATE TEMPORARY VIEW v (k, x) AS VALUES (ARRAY['x', 'y', 'x'], ARRAY[1, 2, 3]), (CAST(NULL AS ARRAY<STRING>), ARRAY[1]), (ARRAY['a'], CAST(NULL AS ARRAY<INT>)), (ARRAY['a', CAST(NULL AS STRING)], ARRAY[5, 6]);
CREATE TEMPORARY TABLE out1 (m MAP<STRING, INT>, n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT MAP_FROM_ARRAYS(k, x), CARDINALITY(MAP_FROM_ARRAYS(k, x)) FROM v;
