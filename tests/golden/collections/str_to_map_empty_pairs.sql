-- STR_TO_MAP drops the empty pairs at the end, as Java's split: '' and ';' are empty maps
CREATE TEMPORARY VIEW v (s) AS VALUES (''), ('a=1;;b=2'), (';'), ('='), ('a'), ('a=1;');
CREATE TEMPORARY TABLE out1 (s STRING, n INT, m MAP<STRING, STRING>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, CARDINALITY(STR_TO_MAP(s, ';', '=')), STR_TO_MAP(s, ';', '=') FROM v;
