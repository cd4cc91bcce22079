-- UNNEST of a value that is not an ARRAY, MAP or MULTISET is refused
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM (VALUES (1)) AS t(a) CROSS JOIN UNNEST(a) AS u(x);
