-- UNNEST of a json INT array with a NULL element, averaged per user, users without scores kept by LEFT JOIN
CREATE TABLE users (id INT, scores ARRAY<INT>)
  WITH ('connector' = 'filesystem', 'path' = 'shop_users_nested.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, n BIGINT, avg_score INT, best INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT u.id, COUNT(s.score), AVG(s.score), MAX(s.score)
FROM users u LEFT JOIN UNNEST(u.scores) AS s(score) ON TRUE
GROUP BY u.id ORDER BY u.id;
