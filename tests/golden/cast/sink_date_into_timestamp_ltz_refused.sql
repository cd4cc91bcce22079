-- a DATE written into a TIMESTAMP_LTZ sink column is refused, as into a TIMESTAMP one
CREATE TEMPORARY VIEW v(d) AS VALUES (DATE '2024-01-02');
CREATE TEMPORARY TABLE out1 (d TIMESTAMP_LTZ(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT d FROM v;
