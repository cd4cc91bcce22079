-- SUBSTR / SUBSTRING with a negative length is NULL; a length of 0 is ''
CREATE TEMPORARY VIEW v (s, n) AS VALUES ('abc', -1), ('', -2);
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING, d STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SUBSTR(s, 1, -1), SUBSTRING(s FROM 2 FOR -1), SUBSTR(s, 1, 0), SUBSTRING(s FROM 1 FOR n) FROM v;
