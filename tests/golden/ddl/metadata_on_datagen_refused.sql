-- a metadata column on a connector without metadata
CREATE TABLE g (id INT, m STRING METADATA VIRTUAL) WITH ('connector' = 'datagen', 'number-of-rows' = '2');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 1 FROM g;
