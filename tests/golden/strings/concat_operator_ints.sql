-- || between two INTs
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (1, 2);
INSERT INTO out1 SELECT a || b FROM t;
