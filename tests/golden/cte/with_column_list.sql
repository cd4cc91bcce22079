-- WITH name (columns) AS renames the columns
CREATE TEMPORARY TABLE out1 (a INT, b STRING) WITH ('connector' = 'print');
INSERT INTO out1
WITH t (num, word) AS (SELECT 1, 'one')
SELECT num, word FROM t;
