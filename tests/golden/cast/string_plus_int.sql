-- arithmetic between a numeric string and an INT
CREATE TEMPORARY TABLE out1 (r INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT '5' + 1;
