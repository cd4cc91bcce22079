-- a correlated scalar subquery counting related rows
CREATE TEMPORARY VIEW users(uid, name) AS VALUES (1, 'ann'), (2, 'ben');
CREATE TEMPORARY VIEW orders(oid, uid) AS VALUES (100, 1), (101, 1);
CREATE TEMPORARY TABLE out1 (name STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o WHERE o.uid = u.uid) FROM users u ORDER BY name;
