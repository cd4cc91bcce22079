-- SUBSTRING with a negative start before the first character is '' (with or without a length); within the string it counts from the end
CREATE TEMPORARY VIEW v(s) AS VALUES ('x'), ('abc'), ('abcdef');
CREATE TEMPORARY TABLE out1 (s STRING, a STRING, b STRING, c STRING, d STRING, e STRING, f STRING, g STRING, h STRING, i STRING, j STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, SUBSTRING(s, -2), SUBSTRING(s, -5, 2), SUBSTRING(s, -3), SUBSTRING(s, -4, 3), SUBSTRING(s, -4, 10), SUBSTRING(s, -1, 1), SUBSTRING(s, 0, 2), SUBSTRING(s, -6), SUBSTRING(s, -7, 3), SUBSTRING(s, -3, 2) FROM v;
