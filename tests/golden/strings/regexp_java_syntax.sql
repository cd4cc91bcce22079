-- regular expressions only Java runs (lookahead, lookbehind, backreference, possessive, named group) as literal patterns
CREATE TEMPORARY TABLE o (a STRING, b STRING, c BOOLEAN, d STRING, e INT, f INT, g ARRAY<STRING>) WITH ('connector' = 'print');
INSERT INTO o SELECT REGEXP_EXTRACT('foobar', 'o(?=b)', 0), REGEXP_REPLACE('foobar', '(?<=o)b', 'X'), REGEXP('abab', '(ab)\1'), REGEXP_SUBSTR('aaab', 'a++b'), REGEXP_COUNT('aXbX', '(?<=a|b)X'), REGEXP_INSTR('xxfoobar', 'o(?!o)'), REGEXP_EXTRACT_ALL('a1b2', '(?<l>[a-z])\d', 1);
