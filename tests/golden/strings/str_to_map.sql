-- STR_TO_MAP with default and custom delimiters
CREATE TEMPORARY TABLE out1 (v1 STRING, v2 STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT STR_TO_MAP('a=1,b=2')['b'], STR_TO_MAP('k1:v1;k2:v2', ';', ':')['k1'];
