-- GROUP BY a MAP: not an orderable type in Flink, refused
CREATE TEMPORARY VIEW v(k, s) AS VALUES (MAP['a', 1], 'x'), (MAP['b', 2], 'y'), (MAP['a', 1], 'z');
SELECT k, COUNT(*) FROM v GROUP BY k;
