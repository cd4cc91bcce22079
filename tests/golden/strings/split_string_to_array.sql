-- SPLIT(s, delimiter) gives an ARRAY of strings
CREATE TEMPORARY TABLE out1 (r ARRAY<STRING>) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SPLIT('a,b,,c', ',');
