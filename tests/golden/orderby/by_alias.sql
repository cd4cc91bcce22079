-- ORDER BY an alias from the SELECT list
CREATE TEMPORARY TABLE out1 (name STRING, len INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('ccc'), ('a'), ('bb');
INSERT INTO out1 SELECT name, CHAR_LENGTH(name) AS len FROM t ORDER BY len DESC;
