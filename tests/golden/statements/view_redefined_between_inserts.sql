-- a view dropped and created again between two INSERTs
CREATE TEMPORARY VIEW v(a) AS VALUES (1), (2);
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM v;
DROP TEMPORARY VIEW v;
CREATE TEMPORARY VIEW v(a) AS VALUES (5);
INSERT INTO out2 SELECT a FROM v;
