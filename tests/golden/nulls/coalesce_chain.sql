-- COALESCE returns its first non-NULL argument
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (CAST(NULL AS STRING), 'b1'), ('a2', 'b2'), (CAST(NULL AS STRING), CAST(NULL AS STRING));
INSERT INTO out1 SELECT COALESCE(a, b, 'none') FROM t;
