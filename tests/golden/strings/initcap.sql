-- INITCAP capitalises the first letter of each word and lowers the rest
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('hello WORLD'), ('o''neil-smith jr');
INSERT INTO out1 SELECT INITCAP(s) FROM t;
