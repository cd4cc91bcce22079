-- a correlated scalar subquery whose aggregate's FILTER clause reads the outer row's column
CREATE TABLE users (uid INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE items (oid INT, uid INT, q INT) WITH ('connector' = 'filesystem', 'path' = 'items.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, (SELECT COUNT(*) FILTER (WHERE q > u.uid) FROM items) FROM users u ORDER BY name;
