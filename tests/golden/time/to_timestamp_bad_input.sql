-- TO_TIMESTAMP of a string that does not match gives NULL
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(3)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('not a time'), ('2024-05-06 25:00:00');
INSERT INTO out1 SELECT TO_TIMESTAMP(s) FROM t;
