-- an unknown query hint name after SELECT
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT /*+ FOO(a) */ 1, 2;
