-- three views joined in a chain
CREATE TEMPORARY VIEW users(uid, name) AS VALUES (1, 'ann'), (2, 'ben');
CREATE TEMPORARY VIEW orders(oid, uid, pid) AS VALUES (100, 1, 7), (101, 2, 8), (102, 1, 8);
CREATE TEMPORARY VIEW products(pid, title) AS VALUES (7, 'lamp'), (8, 'desk');
CREATE TEMPORARY TABLE out1 (oid INT, name STRING, title STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT o.oid, u.name, p.title FROM orders o JOIN users u ON o.uid = u.uid JOIN products p ON o.pid = p.pid ORDER BY o.oid;
