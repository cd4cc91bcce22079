-- filtering rows by a JSON field, as in an LLM output parser
CREATE TEMPORARY TABLE out1 (id INT, label STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, answer) AS VALUES (1, '{"label": "positive", "score": 0.9}'), (2, '{"label": "negative", "score": 0.4}');
INSERT INTO out1 SELECT id, JSON_VALUE(answer, '$.label') FROM t
WHERE JSON_VALUE(answer, '$.score' RETURNING DOUBLE) > 0.5;
