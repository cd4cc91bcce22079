-- a correlated scalar subquery whose SELECT list reads the outer row's column
CREATE TABLE users (uid INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE items (oid INT, uid INT, q INT) WITH ('connector' = 'filesystem', 'path' = 'items.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, m INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, (SELECT q * 10 + u.uid FROM items i WHERE i.oid = 103) FROM users u ORDER BY name;
