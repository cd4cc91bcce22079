-- ARRAY_AGG beside SUM(DISTINCT) without GROUP BY is refused as well
CREATE TEMPORARY VIEW t(k, v) AS VALUES (1, 'a'), (1, 'b'), (1, 'a'), (2, 'c');
CREATE TEMPORARY TABLE out1 (a ARRAY<STRING>, n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ARRAY_AGG(v), SUM(DISTINCT k) FROM t;
