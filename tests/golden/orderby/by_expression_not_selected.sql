-- ORDER BY an expression that is not in the SELECT list
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('ccc'), ('a'), ('bb');
INSERT INTO out1 SELECT name FROM t ORDER BY CHAR_LENGTH(name);
