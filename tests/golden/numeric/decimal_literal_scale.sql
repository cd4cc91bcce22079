-- DECIMAL literals keep their scale when printed
CREATE TEMPORARY TABLE out1 (a DECIMAL(5, 2), b DECIMAL(5, 2), c DECIMAL(6, 3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 120.5, 3, 0.1;
