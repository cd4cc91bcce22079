-- ABS and SIGN on ints and doubles
CREATE TEMPORARY TABLE out1 (a INT, b DOUBLE, c INT, d DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ABS(-5), ABS(-2.5e0), SIGN(-5), SIGN(2.5e0);
