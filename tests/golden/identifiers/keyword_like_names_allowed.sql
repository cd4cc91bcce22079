-- non-reserved keywords (name, type, status, text) work unquoted
CREATE TEMPORARY VIEW v(name, type, status, text) AS VALUES ('a', 'b', 'c', 'd');
CREATE TEMPORARY TABLE out1 (name STRING, type STRING, status STRING, text STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, type, status, text FROM v;
