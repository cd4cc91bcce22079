-- SHA1 and SHA2 with a bit length
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SHA1('abc'), SHA2('abc', 224);
