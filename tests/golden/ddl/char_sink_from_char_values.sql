-- a VALUES column of one-character strings (CHAR(1)) into a CHAR(3) sink column, and one of two lengths (VARCHAR(2)) into VARCHAR(1)
CREATE TEMPORARY VIEW v(a, b) AS VALUES ('x', 'ab'), ('y', 'c');
CREATE TEMPORARY TABLE out1 (a CHAR(3), b VARCHAR(1), c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b, a || '|' FROM v;
