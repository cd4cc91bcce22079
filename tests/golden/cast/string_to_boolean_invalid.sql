-- TRY_CAST of other strings to BOOLEAN: which ones Flink takes as true/false
CREATE TEMPORARY TABLE out1 (s STRING, b BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('yes'), ('1'), ('0'), ('no'), ('maybe');
INSERT INTO out1 SELECT s, TRY_CAST(s AS BOOLEAN) FROM t;
