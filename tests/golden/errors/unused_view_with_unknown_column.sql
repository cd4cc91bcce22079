-- a view that names an unknown column, never used by any INSERT
CREATE TEMPORARY VIEW v(x) AS VALUES (1);
CREATE TEMPORARY VIEW broken AS SELECT y FROM v;
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM v;
