-- REGEXP_REPLACE with an invalid regular expression
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('abc');
INSERT INTO out1 SELECT REGEXP_REPLACE(s, '(unclosed', 'x') FROM t;
