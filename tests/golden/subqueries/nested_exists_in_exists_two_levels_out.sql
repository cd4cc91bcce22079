-- EXISTS nested in EXISTS reads the outermost query's column (two levels out)
CREATE TABLE users (uid INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'users.csv', 'format' = 'csv');
CREATE TABLE orders (oid INT, uid INT, amt INT) WITH ('connector' = 'filesystem', 'path' = 'purchases.csv', 'format' = 'csv');
CREATE TABLE items (oid INT, uid INT, q INT) WITH ('connector' = 'filesystem', 'path' = 'items.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.uid = u.uid AND EXISTS (SELECT 1 FROM items i WHERE i.oid = o.oid AND i.uid = u.uid)) ORDER BY name;
