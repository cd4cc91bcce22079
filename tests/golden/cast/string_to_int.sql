-- CAST of numeric strings to INT, with surrounding spaces
CREATE TEMPORARY TABLE out1 (s STRING, i INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, CAST(s AS INT) FROM (VALUES ('42'), (' 7 '), ('-3')) AS t(s);
