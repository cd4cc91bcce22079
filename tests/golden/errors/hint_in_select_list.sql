-- a hint where Flink takes none (after a select item) is a syntax error, not a comment
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1 /*+ x */, 2;
