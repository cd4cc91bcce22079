-- CROSS JOIN UNNEST turns array elements into rows
CREATE TEMPORARY TABLE out1 (id INT, tag STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, tags) AS VALUES (1, ARRAY['a', 'b']), (2, ARRAY['c']);
INSERT INTO out1 SELECT id, tag FROM t
CROSS JOIN UNNEST(tags) AS u(tag);
