-- ORDER BY a MAP: refused as Flink refuses it
CREATE TEMPORARY VIEW v(k, s) AS VALUES (MAP['a', 1], 'x'), (MAP['b', 2], 'y');
SELECT k FROM v ORDER BY k;
