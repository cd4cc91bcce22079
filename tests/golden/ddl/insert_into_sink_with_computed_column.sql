-- a sink with a computed column: INSERT must not target the computed column
CREATE TEMPORARY VIEW v (a) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (a INT, b AS a * 2) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM v;
