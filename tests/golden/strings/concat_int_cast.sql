-- || between strings and CAST numbers
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(n, p) AS VALUES (3, 1.50);
INSERT INTO out1 SELECT 'n=' || CAST(n AS STRING) || ', p=' || CAST(p AS STRING) FROM t;
