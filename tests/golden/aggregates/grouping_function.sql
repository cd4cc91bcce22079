-- GROUPING and GROUPING_ID tell a subtotal's NULL from a NULL key (ROLLUP of two keys)
CREATE TEMPORARY TABLE out1 (k STRING, s STRING, n BIGINT, gk BIGINT, gs BIGINT, g BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, s) AS VALUES ('x', 'a'), ('x', 'b'), ('y', CAST(NULL AS STRING)), ('y', 'd'), ('z', 'e');
INSERT INTO out1 SELECT k, s, COUNT(*), GROUPING(k), GROUPING(s), GROUPING_ID(k, s) AS g
FROM t GROUP BY ROLLUP (k, s) ORDER BY g, k, s;
