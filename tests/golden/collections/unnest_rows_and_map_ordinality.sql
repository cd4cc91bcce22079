-- UNNEST of an array of ROWs gives their fields as columns; of a MAP with ordinality, entries in insertion order
CREATE TEMPORARY TABLE out1 (x INT, y STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (id INT, k STRING, v INT, n INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t2(id, m) AS VALUES (1, MAP['x', 1, 'a', 2]);
INSERT INTO out1 SELECT x, y FROM (VALUES (1)) AS t(i) CROSS JOIN UNNEST(ARRAY[ROW(1, 'p'), ROW(2, 'q')]) AS u(x, y);
INSERT INTO out2 SELECT id, k, v, n FROM t2 CROSS JOIN UNNEST(m) WITH ORDINALITY AS u(k, v, n);
