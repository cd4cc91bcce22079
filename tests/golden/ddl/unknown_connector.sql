-- an unknown connector is refused
CREATE TABLE t (id INT) WITH ('connector' = 'kafka-ish');
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id FROM t;
