-- a run-time failure is reported at the first INSERT's line
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
CREATE TEMPORARY VIEW t(s) AS VALUES ('x');
INSERT INTO out2 SELECT CAST(s AS INT) FROM t;
