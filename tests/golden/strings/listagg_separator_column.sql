-- LISTAGG's separator must be a literal in Flink
CREATE TEMPORARY TABLE o (a STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT LISTAGG(s, sep) FROM (VALUES ('a', ','), ('b', ',')) AS t(s, sep);
