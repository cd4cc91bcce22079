-- GROUPING(d) DESC in ORDER BY puts the grand total first; GROUPING(d) also selected orders the same way
SELECT d, COUNT(*) AS c FROM (VALUES (10), (20), (20)) AS t(d) GROUP BY ROLLUP(d) ORDER BY GROUPING(d) DESC, c;
SELECT d, COUNT(*) AS c, GROUPING(d) AS g FROM (VALUES (10), (20), (20)) AS t(d) GROUP BY ROLLUP(d) ORDER BY GROUPING(d), d;
