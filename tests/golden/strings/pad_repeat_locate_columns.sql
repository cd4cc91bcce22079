-- LPAD, RPAD, REPEAT, LOCATE, SUBSTRING, OVERLAY, TRANSLATE with arguments from columns
CREATE TEMPORARY TABLE o (a STRING, b STRING, c STRING, d INT, e STRING, f STRING, g STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT LPAD(s, n, f), RPAD(s, n, f), REPEAT(s, n), LOCATE(f, s, n), SUBSTRING(s, n, n), OVERLAY(s PLACING f FROM n FOR n), TRANSLATE(s, f, 'z') FROM (VALUES ('abcdef', 3, 'c'), ('abc', 5, '*'), ('abc', CAST(NULL AS INT), 'a')) AS t(s, n, f);
