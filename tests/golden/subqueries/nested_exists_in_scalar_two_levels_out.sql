-- EXISTS nested in a scalar subquery of the SELECT list reads the outermost query's column (two levels out)
CREATE TABLE users (uid INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE orders (oid INT, uid INT, amt INT) WITH ('connector' = 'filesystem', 'path' = 'purchases.csv', 'format' = 'csv');
CREATE TABLE items (oid INT, uid INT, q INT) WITH ('connector' = 'filesystem', 'path' = 'items.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, (SELECT COUNT(*) FROM orders o WHERE EXISTS (SELECT 1 FROM items i WHERE i.oid = o.oid AND i.uid = u.uid)) FROM users u ORDER BY name;
