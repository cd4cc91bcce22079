-- INSERT with more columns than the sink has
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1, 2;
