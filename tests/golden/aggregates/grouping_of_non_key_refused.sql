-- GROUPING of an expression that is not a GROUP BY key is refused
CREATE TEMPORARY TABLE out1 (k STRING, g BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, s) AS VALUES ('x', 'a');
INSERT INTO out1 SELECT k, GROUPING(s) FROM t GROUP BY k;
