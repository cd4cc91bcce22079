-- TRIM's characters, REPLACE's search and replacement, SIMILAR TO's pattern from columns
CREATE TEMPORARY TABLE o (a STRING, b STRING, c BOOLEAN, d STRING, e STRING, f STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT TRIM(BOTH c FROM s), REPLACE(s, c, r), s SIMILAR TO p, TRIM(LEADING c FROM s), REPLACE(s, c, CAST(NULL AS STRING)), TRIM(c FROM s) FROM (VALUES
 ('xxabxx', 'x', 'y', 'x%'), ('xyabyx', 'xy', '-', '%b%'), ('abc', CAST(NULL AS STRING), 'z', CAST(NULL AS STRING)), ('abc', '', 'z', 'a_c')) AS t(s, c, r, p);
