-- a VARCHAR(3) sink column receiving a view's column
CREATE TEMPORARY VIEW v(s) AS VALUES ('abcdef'), ('xy'), (CAST(NULL AS STRING));
CREATE TEMPORARY TABLE out1 (s VARCHAR(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s FROM v;
