-- NATURAL JOIN matches columns of the same name
CREATE TEMPORARY VIEW a(k, x) AS VALUES (1, 'a1'), (2, 'a2');
CREATE TEMPORARY VIEW b(k, y) AS VALUES (2, 'b2');
CREATE TEMPORARY TABLE out1 (k INT, x STRING, y STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM a NATURAL JOIN b;
