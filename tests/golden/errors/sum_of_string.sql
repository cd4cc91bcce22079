-- SUM over a STRING column
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('1'), ('2');
INSERT INTO out1 SELECT SUM(s) FROM t;
