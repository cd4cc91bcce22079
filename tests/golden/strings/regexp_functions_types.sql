-- REGEXP_SUBSTR, REGEXP_COUNT, REGEXP_INSTR and REGEXP_EXTRACT_ALL are typed nullable even of literals; a pattern that is no regex gives NULL
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING, d STRING, e STRING, f INT, g INT, h ARRAY<STRING>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TYPEOF(REGEXP_SUBSTR('abc123', '\d+')), TYPEOF(REGEXP_COUNT('abc123', '\d')), TYPEOF(REGEXP_INSTR('abc123', '\d')), TYPEOF(REGEXP_EXTRACT_ALL('a1b2', '\d')), REGEXP_SUBSTR('abc', '('), REGEXP_COUNT('abc', '('), REGEXP_INSTR('abc', '('), REGEXP_EXTRACT_ALL('abc', '(', 0);
