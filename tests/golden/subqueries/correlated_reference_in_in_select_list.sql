-- an IN subquery whose SELECT list reads the outer row's column
CREATE TABLE users (uid INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE items (oid INT, uid INT, q INT) WITH ('connector' = 'filesystem', 'path' = 'items.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM users u WHERE 3 IN (SELECT q + u.uid FROM items) ORDER BY name;
