-- correlated NOT EXISTS
CREATE TEMPORARY VIEW users(uid, name) AS VALUES (1, 'ann'), (2, 'ben'), (3, 'cat');
CREATE TEMPORARY VIEW orders(oid, uid) AS VALUES (100, 1), (101, 1), (102, 3);
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM users u WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.uid = u.uid);
