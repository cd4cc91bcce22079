-- LIKE of a table that does not exist
CREATE TEMPORARY TABLE ev2 WITH ('path' = 'events.csv') LIKE nope;
CREATE TEMPORARY TABLE out1 (id INT, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, kind FROM ev2 ORDER BY id;
