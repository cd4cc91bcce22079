-- a reserved word quoted as a column alias without AS is taken
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM (SELECT 1 `year`) AS s(x);
