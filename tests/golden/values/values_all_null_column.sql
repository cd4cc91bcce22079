-- a VALUES column that is only NULL has no type
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT v FROM (VALUES (NULL), (NULL)) AS t(v);
