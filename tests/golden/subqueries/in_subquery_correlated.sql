-- a correlated IN subquery
CREATE TEMPORARY VIEW a(k, v) AS VALUES (1, 'x'), (2, 'y'), (3, 'z');
CREATE TEMPORARY VIEW b(k, v) AS VALUES (1, 'x'), (2, 'q');
CREATE TEMPORARY TABLE out1 (k INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k FROM a WHERE v IN (SELECT b.v FROM b WHERE b.k = a.k);
