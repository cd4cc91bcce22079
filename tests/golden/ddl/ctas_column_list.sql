-- CTAS with a column list: a column only the CREATE part declares comes first (NULL), the query's columns keep the query's order, a declared type overrides the query's, PRIMARY KEY allowed
CREATE TABLE t1 (c DOUBLE) WITH ('connector' = 'print') AS SELECT 1 AS a, 'x' AS b;
CREATE TABLE t2 (b STRING, a BIGINT) WITH ('connector' = 'print') AS SELECT 1 AS a, 'x' AS b;
CREATE TABLE t3 (a INT PRIMARY KEY NOT ENFORCED) WITH ('connector' = 'print') AS SELECT 1 AS a;
