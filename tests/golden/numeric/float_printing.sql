-- FLOAT values print as Java's Float.toString
CREATE TEMPORARY TABLE out1 (f FLOAT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d) AS VALUES (0.1e0), (1.5e0), (3.3333333333e0);
INSERT INTO out1 SELECT CAST(d AS FLOAT) FROM t;
