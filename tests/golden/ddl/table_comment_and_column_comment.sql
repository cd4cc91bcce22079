-- COMMENT on columns and on the table
CREATE TEMPORARY TABLE out1 (id INT COMMENT 'the id', name STRING COMMENT 'who') COMMENT 'a print table' WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1, 'x';
