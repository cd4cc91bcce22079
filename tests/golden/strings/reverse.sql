-- REVERSE of ASCII and non-ASCII strings
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('abc'), ('好東西');
INSERT INTO out1 SELECT REVERSE(s) FROM t;
