-- a correlated scalar COUNT subquery over filesystem tables
CREATE TABLE users (uid INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE orders (oid INT, uid INT) WITH ('connector' = 'filesystem', 'path' = 'orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.uid = u.uid) FROM users u ORDER BY name;
