-- Java's regex syntax in a pattern column: ASCII \w, \p{Alpha}, \Q..\E, \Z
CREATE TEMPORARY TABLE o (p STRING, a BOOLEAN, c STRING, d STRING, e INT, f INT, g STRING, h ARRAY<STRING>) WITH ('connector' = 'print');
INSERT INTO o SELECT p, REGEXP(s, p), REGEXP_EXTRACT(s, p), REGEXP_REPLACE(s, p, '-'), REGEXP_COUNT(s, p), REGEXP_INSTR(s, p), REGEXP_SUBSTR(s, p), REGEXP_EXTRACT_ALL(s, p, 0) FROM (VALUES
 ('abc', ''), ('a$b', '\$'), ('aXb', '\p{Upper}'), ('a1', '\p{Alpha}+'), ('é1', '\w+'), ('AbC', '(?i)abc'), ('a.b', '\Qa.b\E'), ('ab', 'a\Z')) AS t(s, p);
