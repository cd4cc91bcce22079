-- CREATE VIEW AS SELECT and a query over it
CREATE TEMPORARY VIEW base(id, name) AS VALUES (1, 'ann'), (2, 'ben'), (3, 'cat');
CREATE VIEW upper_names AS SELECT id, UPPER(name) AS name FROM base WHERE id <> 2;
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM upper_names ORDER BY id;
