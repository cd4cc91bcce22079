-- a DATE column inserted into a TIMESTAMP(3) sink column
CREATE TEMPORARY VIEW v(d) AS VALUES (DATE '2024-01-02');
CREATE TEMPORARY TABLE out1 (d TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT d FROM v;
