-- a column of an unknown type
CREATE TEMPORARY TABLE out1 (a INTEGR) WITH ('connector' = 'print');
