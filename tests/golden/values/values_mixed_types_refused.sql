-- VALUES mixing INT and STRING in one column
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a FROM (VALUES (1), ('x')) AS t(a);
