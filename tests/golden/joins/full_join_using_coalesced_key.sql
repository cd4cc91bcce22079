-- FULL JOIN ... USING: the key is the non-NULL side
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a1'), (2, 'a2');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (2, 'b2'), (3, 'b3');
CREATE TEMPORARY TABLE out1 (k INT, x STRING, y STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, x, y FROM a FULL JOIN b USING (k) ORDER BY k;
