-- comparing a BOOLEAN with a string that is not boolean-like
CREATE TEMPORARY TABLE out1 (b BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TRUE = DATE '2024-01-01';
