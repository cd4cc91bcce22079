-- DOUBLE and FLOAT division by a constant, an INT, a window total and zero, divided as Java divides (5.0 / 3 is 1.6666666666666667)
CREATE TABLE t (v DOUBLE, f FLOAT, i INT) WITH ('connector'='filesystem','path'='divide_doubles.csv','format'='csv');
SELECT v / 3, v / 14.0E0, f / 3, i / 3.0E0, v / i, v / SUM(v) OVER (), f / f, v / 0.0E0, -v / 0.0E0 FROM t;
