-- UNION of an INT column with a STRING column (a user mistake)
CREATE TEMPORARY VIEW a(x) AS VALUES (1);
CREATE TEMPORARY VIEW b(x) AS VALUES ('one');
CREATE TEMPORARY TABLE out1 (x STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT x FROM a UNION ALL SELECT x FROM b;
