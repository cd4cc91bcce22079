-- a reserved word as a column alias after AS, in backticks, is accepted
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT `values` FROM (SELECT 1 AS `values`);
