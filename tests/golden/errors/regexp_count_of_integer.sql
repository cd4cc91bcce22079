-- REGEXP_COUNT of an INT: Flink refuses the argument (no implicit cast to a string)
CREATE TEMPORARY TABLE out1 (d INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT REGEXP_COUNT(123, '\d');
