-- an implicit join with a comma and WHERE
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a1'), (2, 'a2');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (2, 'b2'), (1, 'b1');
CREATE TEMPORARY TABLE out1 (x STRING, y STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x, y FROM a, b WHERE a.k = b.k ORDER BY x;
