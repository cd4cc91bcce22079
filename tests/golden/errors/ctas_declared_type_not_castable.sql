-- CTAS whose column list declares a type the query's column cannot be written into
CREATE TABLE t (a INT) WITH ('connector' = 'print') AS SELECT DATE '2024-01-02' AS a;
