-- STR_TO_MAP with a regex literal delimiter: '|' splits between every character, then ':' splits each piece; a repeated key keeps its last value
CREATE TEMPORARY TABLE o (a INT, b STRING, c STRING, d INT, e INT, f STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT CARDINALITY(STR_TO_MAP(s, '|', ':')), STR_TO_MAP(s, '|', ':')[''], STR_TO_MAP('a=1;a=2;;', ';', '=')['a'], CARDINALITY(STR_TO_MAP('x1y22z', '\d+', '=')), CARDINALITY(STR_TO_MAP(e, '.', ':')), STR_TO_MAP(s, '|', ':')['a'] FROM (VALUES ('a:1|b:2', '')) AS t(s, e);
