-- CAST between incompatible types
CREATE TEMPORARY TABLE out1 (d DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST(TRUE AS DATE);
