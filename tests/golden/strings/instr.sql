-- INSTR(s, sub) position
CREATE TEMPORARY TABLE out1 (a INT, b INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT INSTR('hello', 'll'), INSTR('hello', 'x');
