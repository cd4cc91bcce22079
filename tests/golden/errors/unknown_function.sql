-- a call to a function that does not exist
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT NO_SUCH_FUNCTION('x');
