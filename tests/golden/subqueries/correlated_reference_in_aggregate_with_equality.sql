-- a correlated SUM reading the outer row's column beside a correlated equality (no matching row: NULL)
CREATE TABLE users (uid INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE items (oid INT, uid INT, q INT) WITH ('connector' = 'filesystem', 'path' = 'items.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, s INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, (SELECT SUM(q * u.uid) FROM items i WHERE i.uid = u.uid) FROM users u ORDER BY name;
