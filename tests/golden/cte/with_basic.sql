-- WITH defines a named subquery used once
CREATE TEMPORARY TABLE out1 (name STRING, n INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('ann'), ('bob'), ('carol');
INSERT INTO out1
WITH lens AS (SELECT name, CHAR_LENGTH(name) AS n FROM t)
SELECT name, n FROM lens WHERE n > 3;
