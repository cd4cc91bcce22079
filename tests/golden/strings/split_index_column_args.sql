-- SPLIT_INDEX with a separator and an index from columns, CONCAT_WS with a separator column (NULL, '', several characters)
CREATE TEMPORARY TABLE o (a STRING, b STRING, c STRING, d STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT SPLIT_INDEX(s, sep, i), SPLIT_INDEX(s, ',', i), SPLIT_INDEX(s, sep, 0), CONCAT_WS(sep, s, 'x', CAST(NULL AS STRING)) FROM (VALUES
 ('a,b;c', ',', 1), ('a,b;c', ';', 1), ('a,b;c', CAST(NULL AS STRING), 0), ('a,b;c', ',', CAST(NULL AS INT)), ('a,b;c', '', 0), ('a,b;c', ',', -1), ('a..b', '.', 2), ('a,b;c', 'b;', 1)) AS t(s, sep, i);
