-- GREATEST/LEAST with NULLs, IF, simple CASE and searched CASE with no ELSE [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW t (a, b, c) AS VALUES (1, 5, 3), (7, CAST(NULL AS INT), 2), (4, 4, 4);
SELECT a, b, c, GREATEST(a, b, c), LEAST(a, c), IF(a > c, 'a', 'c'),
       CASE a WHEN 1 THEN 'one' WHEN 4 THEN 'four' ELSE 'other' END,
       CASE WHEN b IS NULL THEN 'missing' WHEN b > a THEN 'up' END
FROM t ORDER BY a;
