-- MD5 of strings as lower-case hex
CREATE TEMPORARY TABLE out1 (h STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('hello'), ('');
INSERT INTO out1 SELECT MD5(s) FROM t;
