-- HAVING referring to a SELECT alias (Flink's Calcite allows an alias in HAVING? checked) and ORDER BY the alias
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 1), ('a', 2), ('b', 5), ('c', 1);
CREATE TEMPORARY TABLE out1 (k STRING, total INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, SUM(x) AS total FROM v GROUP BY k HAVING total > 2 ORDER BY total;
