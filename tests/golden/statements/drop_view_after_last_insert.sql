-- DROP TEMPORARY VIEW after the only INSERT reading it
CREATE TEMPORARY VIEW v(a) AS VALUES (1), (2);
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM v;
DROP TEMPORARY VIEW v;
