-- CREATE VIEW v (a, b) AS SELECT renames the columns
CREATE TEMPORARY VIEW t(x, s) AS VALUES (1, 'one');
CREATE TEMPORARY VIEW v (num, word) AS SELECT x, s FROM t;
CREATE TEMPORARY TABLE out1 (num INT, word STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT num, word FROM v;
