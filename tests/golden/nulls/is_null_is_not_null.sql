-- IS NULL and IS NOT NULL on a nullable column
CREATE TEMPORARY TABLE out1 (v INT, is_null BOOLEAN, not_null BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (CAST(NULL AS INT));
INSERT INTO out1 SELECT v, v IS NULL, v IS NOT NULL FROM t;
