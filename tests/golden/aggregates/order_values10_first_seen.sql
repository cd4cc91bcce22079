-- GROUP BY over 10 VALUES rows: a hash aggregate, groups in first-seen order
SELECT k, COUNT(*) FROM (VALUES ('m', 0), ('c', 1), ('x', 2), ('a', 3), ('m', 4), ('c', 5), ('x', 6), ('a', 7), ('m', 8), ('c', 9)) AS t(k, v) GROUP BY k;
