-- SET of a known key with a value of the wrong type
SET 'parallelism.default' = 'many';
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1;
