-- GROUPING() in the ORDER BY of a ROLLUP query, not selected (Flink's GroupingSetsITCase.testGroupingInOrderByClause)
SELECT COUNT(*) AS c FROM (VALUES (10), (20), (20)) AS t(d) GROUP BY ROLLUP(d) ORDER BY GROUPING(d), c;
