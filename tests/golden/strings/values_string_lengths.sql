-- VALUES with strings of different lengths: are short ones padded?
CREATE TEMPORARY TABLE out1 (s STRING, n INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('a'), ('abc');
INSERT INTO out1 SELECT s || '|', CHAR_LENGTH(s) FROM t;
