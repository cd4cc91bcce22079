-- CARDINALITY of arrays and maps
CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CARDINALITY(ARRAY[1, 2, 3]), CARDINALITY(MAP['a', 1, 'b', 2]);
