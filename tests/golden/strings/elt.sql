-- ELT picks the n-th argument
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ELT(2, 'a', 'b', 'c'), ELT(4, 'a', 'b', 'c');
