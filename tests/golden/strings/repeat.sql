-- REPEAT a string n times, zero times
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT REPEAT('ab', 3), '[' || REPEAT('ab', 0) || ']';
