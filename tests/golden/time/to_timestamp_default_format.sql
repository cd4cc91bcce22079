-- TO_TIMESTAMP with the default 'yyyy-MM-dd HH:mm:ss' format
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(3)) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('2024-05-06 07:08:09'), ('2024-05-06');
INSERT INTO out1 SELECT TO_TIMESTAMP(s) FROM t;
