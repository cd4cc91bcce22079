-- nested IF calls
CREATE TEMPORARY TABLE out1 (x INT, r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (-1), (0), (9);
INSERT INTO out1 SELECT x, IF(x < 0, 'neg', IF(x = 0, 'zero', 'pos')) FROM t;
