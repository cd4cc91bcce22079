-- ORDER BY a column ordinal
CREATE TEMPORARY TABLE out1 (name STRING, n INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('ccc'), ('a'), ('bb');
INSERT INTO out1 SELECT name, CHAR_LENGTH(name) FROM t ORDER BY 2;
