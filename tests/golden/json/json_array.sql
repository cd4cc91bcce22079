-- JSON_ARRAY of mixed values
CREATE TEMPORARY TABLE out1 (j STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_ARRAY(1, 'two', TRUE, 2.5);
