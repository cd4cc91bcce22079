-- GROUP BY over 9 VALUES rows: a sort aggregate, groups in key order
SELECT k, COUNT(*) FROM (VALUES ('m', 0), ('c', 1), ('x', 2), ('a', 3), ('m', 4), ('c', 5), ('x', 6), ('a', 7), ('m', 8)) AS t(k, v) GROUP BY k;
