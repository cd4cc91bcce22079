-- DROP TEMPORARY VIEW between two INSERTs: the first INSERT reads the view as it stands there
CREATE TEMPORARY VIEW v(a) AS VALUES (1), (2);
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM v;
DROP TEMPORARY VIEW v;
INSERT INTO out2 SELECT 7;
