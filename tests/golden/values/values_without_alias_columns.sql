-- VALUES with a table alias but no column names uses EXPR$n names
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT EXPR$0 FROM (VALUES (1), (2)) AS t;
