-- DOUBLE values print as Java's Double.toString
CREATE TEMPORARY TABLE out1 (d DOUBLE) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(d) AS VALUES (1.0e0), (0.1e0 + 0.2e0), (1.0e7), (1.0e-4), (123.0e0), (-0.0e0);
INSERT INTO out1 SELECT d FROM t;
