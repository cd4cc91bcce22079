-- UPPER of an INT argument
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT UPPER(1);
