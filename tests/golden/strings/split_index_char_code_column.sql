-- SPLIT_INDEX with a character code from a column (out of 1..255: NULL) and an empty separator from a column
CREATE TEMPORARY TABLE o (a STRING, b STRING, c STRING, d STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT SPLIT_INDEX(s, sep, 1), SPLIT_INDEX(s, c, i), SPLIT_INDEX(s, sep, 0), SPLIT_INDEX(s, c, 0) FROM (VALUES ('a b', '', 44, 1), ('', ',', 44, 0), ('x,y', ',', 300, 0), ('x,y', ',', 0, 0), ('x,y', ',', CAST(NULL AS INT), 0)) AS t(s, sep, c, i);
