-- (VALUES ...) AS t without column names: * still reads the EXPR$n columns
CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t;
