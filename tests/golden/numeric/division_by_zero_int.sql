-- integer division by zero fails the job
CREATE TEMPORARY TABLE out1 (q INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES (1, 0);
INSERT INTO out1 SELECT a / b FROM t;
