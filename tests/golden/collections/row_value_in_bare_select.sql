-- a ROW value in a bare SELECT prints as Flink's print does, +I[2, a]
CREATE TEMPORARY VIEW v (id, r) AS SELECT id, ROW(id * 2, name) FROM (VALUES (1, 'a')) AS t (id, name);
SELECT id, r FROM v;
SELECT id, ROW(id, 'x') FROM (VALUES (1)) AS t(id);
