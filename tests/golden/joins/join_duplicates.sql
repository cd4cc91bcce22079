-- duplicate keys multiply rows
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a1'), (1, 'a2');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (1, 'b1'), (1, 'b2');
CREATE TEMPORARY TABLE out1 (x STRING, y STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x, y FROM a JOIN b ON a.k = b.k ORDER BY x, y;
