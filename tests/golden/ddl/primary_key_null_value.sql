-- a NULL written into a PRIMARY KEY column (nullable as declared)
CREATE TEMPORARY TABLE out1 (id INT, x INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'print');
INSERT INTO out1 VALUES (CAST(NULL AS INT), 1);
