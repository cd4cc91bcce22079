-- INSERT with fewer columns than the sink has
CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
