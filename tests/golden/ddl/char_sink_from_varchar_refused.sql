-- VARCHAR(3)/CHAR(5) sink columns receiving non-literal values
CREATE TEMPORARY VIEW v(s, c) AS VALUES ('abcdef', 'ab'), ('xy', 'abcdefg'), (CAST(NULL AS STRING), 'q');
CREATE TEMPORARY TABLE out1 (s VARCHAR(3), c CHAR(5)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, c FROM v;
