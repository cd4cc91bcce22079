-- REGEXP_EXTRACT and REGEXP_EXTRACT_ALL with a literal group the regex does not have (past the last, negative) or that did not take part: NULL
CREATE TEMPORARY TABLE o (a STRING, b STRING, c ARRAY<STRING>, d STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT REGEXP_EXTRACT(s, '([a-z]+)', 3), REGEXP_EXTRACT(s, '([a-z]+)', -1), REGEXP_EXTRACT_ALL(s, '([a-z]+)', 2), REGEXP_EXTRACT(s, '([a-z]+)(x)?', 2) FROM (VALUES ('ab12')) AS t(s);
