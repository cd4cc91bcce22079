-- CREATE TABLE IF NOT EXISTS t ... AS SELECT with t already there: the query's rows go into the existing t
CREATE TABLE t (a INT) WITH ('connector' = 'print');
CREATE TABLE IF NOT EXISTS t WITH ('connector' = 'print') AS SELECT 1 AS a;
