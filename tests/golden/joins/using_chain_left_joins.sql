-- two LEFT JOINs USING (k): k is the left side's, a.k, b.k and c.k stay reachable
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a'), (2, 'a2');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (1, 'b'), (3, 'b3');
CREATE TEMPORARY VIEW c(k, z) AS VALUES (1, 'c'), (2, 'c2');
CREATE TEMPORARY TABLE out1 (k INT, x INT, y INT, z INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, a.k, b.k, c.k FROM a LEFT JOIN b USING (k) LEFT JOIN c USING (k);
