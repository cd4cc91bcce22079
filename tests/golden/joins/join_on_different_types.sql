-- join an INT key with a BIGINT key
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a1'), (2, 'a2');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (CAST(2 AS BIGINT), 'b2');
CREATE TEMPORARY TABLE out1 (x STRING, y STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x, y FROM a JOIN b ON a.k = b.k;
