-- CREATE TABLE IF NOT EXISTS keeps the first definition
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE IF NOT EXISTS out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 7;
