-- POSITION(x IN s) and LOCATE, 1-based, 0 when absent
CREATE TEMPORARY TABLE out1 (a INT, b INT, c INT, d INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT POSITION('lo' IN 'hello'), POSITION('z' IN 'hello'), LOCATE('l', 'hello'), LOCATE('l', 'hello', 4);
