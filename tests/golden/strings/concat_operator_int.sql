-- || between a string and an INT column
CREATE TEMPORARY TABLE out1 (r STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id) AS VALUES (1), (22);
INSERT INTO out1 SELECT 'id-' || id FROM t;
