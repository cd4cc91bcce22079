-- JSON_ARRAYAGG and JSON_OBJECTAGG per group over a VALUES table
CREATE TEMPORARY VIEW v(g, k, x) AS VALUES ('a', 'k1', 1), ('a', 'k2', 2), ('b', 'k3', 3);
CREATE TEMPORARY TABLE out1 (g STRING, arr STRING, obj STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT g, JSON_ARRAYAGG(x), JSON_OBJECTAGG(KEY k VALUE x) FROM v GROUP BY g ORDER BY g;
