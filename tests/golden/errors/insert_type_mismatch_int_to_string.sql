-- INSERT of an INT into a STRING sink column
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 42;
