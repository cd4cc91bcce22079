-- EXCEPT removes rows found in the second input
CREATE TEMPORARY TABLE out1 (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW a(x) AS VALUES (1), (2), (2), (3);
CREATE TEMPORARY VIEW b(x) AS VALUES (3);
INSERT INTO out1 SELECT x FROM (SELECT x FROM a EXCEPT SELECT x FROM b) ORDER BY x;
