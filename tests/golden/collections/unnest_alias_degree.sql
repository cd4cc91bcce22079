-- the alias list of UNNEST must name every column (the ordinality too)
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM (VALUES (ARRAY[1])) AS t(a) CROSS JOIN UNNEST(a) WITH ORDINALITY AS u(x);
