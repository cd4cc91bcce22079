-- CAST to a type followed by NULL: refused by Flink's parser, as NOT NULL is
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(1 AS INT NULL);
