-- SPLIT_INDEX as Java splits: '' splits at each blank keeping empty parts, '' text has no part, a trailing separator, a character code
CREATE TEMPORARY TABLE o (a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT SPLIT_INDEX('a b  c', '', 1), SPLIT_INDEX('a b  c', '', 2), SPLIT_INDEX('a b  c', '', 3), SPLIT_INDEX('', ',', 0), SPLIT_INDEX('a,b,', ',', 2), SPLIT_INDEX('a,b', 44, 1), SPLIT_INDEX('a' || CHR(9) || 'b', '', 1);
