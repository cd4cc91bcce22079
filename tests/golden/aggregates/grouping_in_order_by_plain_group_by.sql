-- GROUPING(d) in ORDER BY of a plain GROUP BY (always 0)
SELECT d, COUNT(*) AS c FROM (VALUES (10), (20), (20)) AS t(d) GROUP BY d ORDER BY GROUPING(d), d;
