-- ORDER BY strings: upper case before lower case
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('banana'), ('Apple'), ('apple'), ('Banana');
INSERT INTO out1 SELECT s FROM t ORDER BY s;
