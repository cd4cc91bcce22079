-- LISTAGG with the default separator skipping NULL values, and a group with only NULLs
CREATE TEMPORARY VIEW v(g, s) AS VALUES ('a', 'x'), ('a', CAST(NULL AS STRING)), ('a', 'y'), ('b', CAST(NULL AS STRING));
CREATE TEMPORARY TABLE out1 (g STRING, l STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT g, LISTAGG(s) FROM v GROUP BY g ORDER BY g;
