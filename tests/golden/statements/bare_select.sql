-- bare SELECTs print their rows where they stand; the INSERTs run together after
CREATE TEMPORARY VIEW v (id, name) AS VALUES (1, 'a'), (2, 'b');
CREATE TABLE shown (id INT) WITH ('connector' = 'print');
SELECT name FROM v WHERE id = 2;
INSERT INTO shown SELECT id FROM v;
WITH w AS (SELECT id * 10 AS x FROM v) SELECT x FROM w ORDER BY x DESC;
SELECT COUNT(*) AS n FROM v;
