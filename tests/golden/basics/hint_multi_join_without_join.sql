-- MULTI_JOIN is a hint name Flink knows: in a query without a join it is ignored
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT /*+ MULTI_JOIN(a, b) */ 1, 2;
