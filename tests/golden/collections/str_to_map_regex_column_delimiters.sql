-- STR_TO_MAP's delimiters are Java regexes ('.' splits everywhere, '\|' at a bar, ',+' runs) and may be columns (NULL: NULL)
CREATE TEMPORARY TABLE o (a INT, b STRING, c INT, d STRING, e STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT CARDINALITY(STR_TO_MAP('a=1.b=2', '.', '=')), STR_TO_MAP('a:1|b:2', '\|', ':')['b'], CARDINALITY(STR_TO_MAP(m, d1, d2)), STR_TO_MAP(m, d1, d2)['b'], STR_TO_MAP(m, d1, d2)['a'] FROM (VALUES ('a:1;b:2', ';', ':'), ('a-1,,b-2', ',+', '-'), ('k=v', CAST(NULL AS STRING), '='), ('a.1', ',', '.')) AS t(m, d1, d2);
