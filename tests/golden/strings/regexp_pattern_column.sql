-- the REGEXP functions take their pattern (and replacement) from a column: NULL pattern, invalid pattern, lookaround, backreference, possessive
CREATE TEMPORARY TABLE o (p STRING, a STRING, b STRING, c BOOLEAN, d STRING, e INT, f INT, g ARRAY<STRING>, h STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT p, REGEXP_EXTRACT(s, p, 1), REGEXP_REPLACE(s, p, r), REGEXP(s, p), REGEXP_SUBSTR(s, p), REGEXP_COUNT(s, p), REGEXP_INSTR(s, p), REGEXP_EXTRACT_ALL(s, p), REGEXP_EXTRACT(s, p) FROM (VALUES
 ('ab12cd34', '([a-z]+)(\d+)', '#'), ('ab12cd34', '(\d)', CAST(NULL AS STRING)), ('ab12cd34', CAST(NULL AS STRING), 'x'), ('ab12cd34', '([', 'x'), ('foobar', '(o)(?=b)', '<$1>'), ('foobar', '(?<=o)(b)', 'X'), ('abab', '(ab)\1', 'Z'), ('aaa', '(a++)', 'Q')) AS t(s, p, r);
