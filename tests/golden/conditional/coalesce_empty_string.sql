-- COALESCE does not replace empty strings, only NULL
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES (''), (CAST(NULL AS STRING));
INSERT INTO out1 SELECT '[' || COALESCE(s, 'dflt') || ']' FROM t;
