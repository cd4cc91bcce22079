-- GROUPING_ID() over a CUBE and GROUP_ID() over repeated grouping sets in ORDER BY, not selected
SELECT d, e, COUNT(*) AS c FROM (VALUES (10, 'a'), (20, 'b'), (20, 'a')) AS t(d, e) GROUP BY CUBE(d, e) ORDER BY GROUPING_ID(d, e), d, e;
SELECT d, COUNT(*) AS c FROM (VALUES (10), (20), (20)) AS t(d) GROUP BY GROUPING SETS ((d), (d), ()) ORDER BY GROUP_ID(), d;
