-- a bare NULL in VALUES next to typed rows
CREATE TEMPORARY TABLE out1 (v INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT v FROM (VALUES (1), (NULL)) AS t(v);
