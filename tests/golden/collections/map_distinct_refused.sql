-- DISTINCT over a MAP: refused as Flink refuses it
CREATE TEMPORARY VIEW v(k, s) AS VALUES (MAP['a', 1], 'x'), (MAP['b', 2], 'y');
SELECT DISTINCT k FROM v;
