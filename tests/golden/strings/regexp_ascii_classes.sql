-- Java's \w, \d, \s, \W and \p{Alpha} are ASCII in literal patterns too (Chinese, accented and Arabic-Indic text); \b sees Unicode letters
CREATE TEMPORARY TABLE o (a STRING, b STRING, c INT, d BOOLEAN, e STRING, f ARRAY<STRING>, g STRING, h BOOLEAN) WITH ('connector' = 'print');
INSERT INTO o SELECT REGEXP_EXTRACT(s, '\w+'), REGEXP_REPLACE(s, '\s', '_'), REGEXP_COUNT(s, '\d'), REGEXP(s, '^\W'), REGEXP_SUBSTR(s, '\b\w'), REGEXP_EXTRACT_ALL(s, '[\w]+', 0), REGEXP_EXTRACT(s, '\p{Alpha}+'), s SIMILAR TO '%\d%' FROM (VALUES ('价格 12 元'), ('é1 x'), ('١٢3'), ('a' || CHR(12288) || 'b')) AS t(s);
