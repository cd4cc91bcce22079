-- split a sentence into words and count them
CREATE TEMPORARY TABLE out1 (word STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('a b a'), ('b c');
INSERT INTO out1 SELECT word, COUNT(*) FROM t
CROSS JOIN UNNEST(SPLIT(s, ' ')) AS u(word) GROUP BY word ORDER BY word;
