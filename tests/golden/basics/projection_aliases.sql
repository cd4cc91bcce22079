-- projection with aliases and arithmetic on a VALUES table
CREATE TEMPORARY TABLE out1 (id INT, doubled INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, id * 2 AS doubled, name AS label
FROM (VALUES (1, 'alice'), (2, 'bob'), (3, 'carol')) AS t(id, name);
