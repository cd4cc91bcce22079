-- a user's mistake: SET with an unquoted key and value, as in the SQL client docs of old
SET parallelism.default = 1;
CREATE TEMPORARY VIEW v (a) AS VALUES (1);
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM v;
