-- UNNEST WITH ORDINALITY numbers the elements
CREATE TEMPORARY TABLE out1 (id INT, tag STRING, pos INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, tags) AS VALUES (1, ARRAY['a', 'b']);
INSERT INTO out1 SELECT id, tag, pos FROM t
CROSS JOIN UNNEST(tags) WITH ORDINALITY AS u(tag, pos);
