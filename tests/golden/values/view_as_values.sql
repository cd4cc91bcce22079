-- CREATE VIEW v (cols) AS VALUES
CREATE TEMPORARY VIEW v(id, word) AS VALUES (1, 'one'), (2, 'two');
CREATE TEMPORARY TABLE out1 (id INT, word STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, word FROM v;
