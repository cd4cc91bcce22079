-- UNION ALL of three branches with NULL literals typed by the other branches, ordered
CREATE TEMPORARY TABLE out1 (k STRING, v INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT 'a', 1 UNION ALL SELECT CAST(NULL AS STRING), 2 UNION ALL SELECT 'c', CAST(NULL AS INT) ORDER BY 2 NULLS FIRST;
