-- derived tables nested two deep
CREATE TEMPORARY TABLE out1 (name STRING, n INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('ann'), ('bertha');
INSERT INTO out1 SELECT name, n FROM (SELECT name, n * 10 AS n FROM (SELECT name, CHAR_LENGTH(name) AS n FROM t) AS a) AS b WHERE n > 30;
