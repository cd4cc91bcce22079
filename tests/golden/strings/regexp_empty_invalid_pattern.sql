-- the REGEXP functions with an empty or invalid pattern: REGEXP is FALSE, the others follow Java's matcher
CREATE TEMPORARY TABLE o (a BOOLEAN, b BOOLEAN, c STRING, d STRING, e INT, f INT, g STRING, h BOOLEAN, i BOOLEAN) WITH ('connector' = 'print');
INSERT INTO o SELECT REGEXP('abc', '(['), REGEXP('abc', ''), REGEXP_EXTRACT('abc', ''), REGEXP_REPLACE('abc', '', '-'), REGEXP_COUNT('abc', ''), REGEXP_INSTR('abc', ''), REGEXP_SUBSTR('abc', ''), 'abc' SIMILAR TO '', REGEXP('abc', CAST(NULL AS STRING));
