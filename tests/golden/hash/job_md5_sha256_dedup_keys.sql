-- content hashing for dedup keys: MD5, SHA256 of CONCAT_WS, duplicates collapsed with DISTINCT
CREATE TEMPORARY VIEW rows_in(a, b) AS VALUES ('x', 1), ('x', 1), ('y', 2), ('x', 2);
CREATE TEMPORARY TABLE out1 (a STRING, b INT, k STRING, k2 STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT DISTINCT a, b, MD5(CONCAT_WS('#', a, CAST(b AS STRING))), SUBSTRING(SHA256(a), 1, 12)
FROM rows_in ORDER BY a, b;
