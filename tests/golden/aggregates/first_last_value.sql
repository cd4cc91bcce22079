-- FIRST_VALUE and LAST_VALUE as aggregates with parallelism 1
CREATE TEMPORARY TABLE out1 (f STRING, l STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES ('a'), ('b'), ('c');
INSERT INTO out1 SELECT FIRST_VALUE(v), LAST_VALUE(v) FROM t;
