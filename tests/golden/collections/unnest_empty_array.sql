-- CROSS JOIN UNNEST of an empty array drops the row
CREATE TEMPORARY TABLE out1 (id INT, tag STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, tags) AS VALUES (1, SPLIT('a,b', ',')), (2, SPLIT('', ','));
INSERT INTO out1 SELECT id, tag FROM t
CROSS JOIN UNNEST(tags) AS u(tag);
