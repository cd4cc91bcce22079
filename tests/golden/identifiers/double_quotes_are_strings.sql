-- double quotes do not quote identifiers in Flink SQL
CREATE TEMPORARY VIEW v(name) AS VALUES ('ann');
CREATE TEMPORARY TABLE out1 (n STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT "name" FROM v;
