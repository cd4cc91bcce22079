-- a subquery nested in EXISTS reading the outermost query's column over VALUES rows
CREATE TEMPORARY VIEW users(uid, name) AS VALUES (1, 'ann'), (2, 'ben'), (3, 'cat');
CREATE TEMPORARY VIEW orders(oid, uid, amt) AS VALUES (100, 1, 5), (101, 1, 9), (102, 2, 4), (103, 3, 7);
CREATE TEMPORARY VIEW items(oid, uid, q) AS VALUES (100, 1, 2), (102, 1, 3), (103, 3, 1);
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.uid = u.uid AND o.amt > (SELECT MIN(amt) FROM orders o2 WHERE o2.uid = u.uid)) ORDER BY name;
