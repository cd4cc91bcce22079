-- the latest row per key via MAX and a join back
CREATE TEMPORARY VIEW events(id, k, ts) AS VALUES (1, 'a', 10), (2, 'a', 30), (3, 'b', 20);
CREATE TEMPORARY TABLE out1 (id INT, k STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT e.id, e.k FROM events e JOIN (SELECT k, MAX(ts) AS ts FROM events GROUP BY k) m ON e.k = m.k AND e.ts = m.ts ORDER BY e.id;
