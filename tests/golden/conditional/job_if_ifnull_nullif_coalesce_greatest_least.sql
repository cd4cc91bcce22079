-- IF, IFNULL, NULLIF, COALESCE, GREATEST, LEAST on a small VALUES table with NULLs
CREATE TEMPORARY VIEW v(a, b, c) AS VALUES (1, 5, CAST(NULL AS INT)), (7, 2, 3), (CAST(NULL AS INT), 4, 4);
CREATE TEMPORARY TABLE out1 (i STRING, n INT, z INT, co INT, g INT, l INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT IF(a > b, 'a', 'b'), IFNULL(c, -1), NULLIF(b, c), COALESCE(c, a, b), GREATEST(a, b), LEAST(b, 3) FROM v ORDER BY b;
