-- SUBSTRING with a NULL start or length is NULL (not the whole string); NULL text stays NULL
CREATE TEMPORARY VIEW v(s, n) AS VALUES ('abc', CAST(NULL AS INT)), (CAST(NULL AS STRING), 1);
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING, d STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SUBSTRING(s, -9, n), SUBSTRING(s, 2, n), SUBSTRING(s, n), SUBSTRING(s, -9, 2) FROM v;
