-- CASE branches with string literals of different lengths: the result type is CHAR of the longest
CREATE TEMPORARY TABLE out1 (x INT, label STRING, len INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2);
INSERT INTO out1
SELECT x, CASE WHEN x = 1 THEN 'a' ELSE 'bbb' END || '|', CHAR_LENGTH(CASE WHEN x = 1 THEN 'a' ELSE 'bbb' END)
FROM t;
