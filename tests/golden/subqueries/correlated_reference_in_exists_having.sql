-- an EXISTS subquery whose HAVING compares an aggregate with the outer row's column
CREATE TABLE users (uid INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE items (oid INT, uid INT, q INT) WITH ('connector' = 'filesystem', 'path' = 'items.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM items GROUP BY uid HAVING MAX(q) > u.uid + 1) ORDER BY name;
