-- IN over strings filters rows
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name) AS VALUES ('apple'), ('pear'), ('plum'), ('fig');
INSERT INTO out1
SELECT name FROM t
WHERE name IN ('pear', 'fig', 'kiwi');
