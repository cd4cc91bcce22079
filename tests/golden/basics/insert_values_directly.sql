-- INSERT INTO ... VALUES without a SELECT
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 VALUES (1, 'one'), (2, 'two');
