-- GROUP BY CUBE without ORDER BY: the groups in the order Flink's Expand first meets them
CREATE TEMPORARY TABLE out1 (k STRING, s STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, s) AS VALUES ('x', 'a'), ('x', 'b'), ('y', CAST(NULL AS STRING)), ('y', 'd');
INSERT INTO out1 SELECT k, s, COUNT(*) FROM t GROUP BY CUBE (k, s);
