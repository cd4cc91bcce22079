-- SHA1, SHA2 with 224/512 bits and MD5 on NULL and empty strings
CREATE TEMPORARY VIEW v(s) AS VALUES ('abc'), (''), (CAST(NULL AS STRING));
CREATE TEMPORARY TABLE out1 (s STRING, a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, SHA1(s), SHA2(s, 224), MD5(s) FROM v ORDER BY s NULLS LAST;
