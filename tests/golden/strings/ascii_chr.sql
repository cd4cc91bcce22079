-- ASCII of the first character and CHR of a code
CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT ASCII('Abc'), CHR(97);
