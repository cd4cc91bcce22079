-- ELEMENT of an array with more than one element fails the job
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ELEMENT(ARRAY[1, 2]);
