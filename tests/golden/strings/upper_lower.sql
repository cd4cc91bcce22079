-- UPPER and LOWER, including non-ASCII letters
CREATE TEMPORARY TABLE out1 (u STRING, l STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('Hello World'), ('straße'), ('ÉCOLE');
INSERT INTO out1 SELECT UPPER(s), LOWER(s) FROM t;
