-- word count: SPLIT a sentence into an array, UNNEST with ordinality, lowercase and count
CREATE TEMPORARY VIEW docs(id, body) AS VALUES (1, 'the cat sat'), (2, 'The dog sat down');
CREATE TEMPORARY TABLE out1 (word STRING, n BIGINT, first_pos INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT LOWER(w), COUNT(*), MIN(pos)
FROM docs CROSS JOIN UNNEST(SPLIT(body, ' ')) WITH ORDINALITY AS t(w, pos)
GROUP BY LOWER(w) ORDER BY 2 DESC, 1;
