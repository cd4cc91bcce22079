-- arrays of ROWs, ROWs holding arrays and ROWs, and a MAP printed in Java HashMap order
CREATE TEMPORARY TABLE out1 (a ARRAY<ROW<x INT, y STRING>>, m MAP<STRING, INT>, r ROW<a INT, b ARRAY<INT>>, n ROW<a INT, b ROW<c STRING>>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ARRAY[ROW(1, 'x'), ROW(2, 'y')], MAP['z', 1, 'a', 2, 'm', 3], ROW(1, ARRAY[1, 2]), ROW(1, ROW('q'));
