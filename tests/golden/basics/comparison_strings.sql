-- string comparison is by code point: upper case sorts before lower case
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, lt BOOLEAN, eq BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(a, b) AS VALUES ('Zebra', 'apple'), ('apple', 'apple'), ('b', 'a');
INSERT INTO out1
SELECT a, b, a < b, a = b FROM t;
