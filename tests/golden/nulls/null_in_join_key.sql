-- NULL join keys never match in an inner join
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a1'), (CAST(NULL AS INT), 'a2');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (1, 'b1'), (CAST(NULL AS INT), 'b2');
CREATE TEMPORARY TABLE out1 (x STRING, y STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x, y FROM a JOIN b ON a.k = b.k;
