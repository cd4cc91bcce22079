-- CAST to an unknown type
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT CAST('1' AS NUMBER);
