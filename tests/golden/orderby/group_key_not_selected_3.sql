-- ORDER BY a grouped column the SELECT does not select by that name (case 3)
SELECT SUM(v) AS s FROM (VALUES ('a', 1), ('b', 2), ('c', 0)) AS t(k, v) GROUP BY k ORDER BY k DESC;
