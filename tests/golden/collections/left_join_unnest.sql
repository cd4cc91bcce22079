-- LEFT JOIN UNNEST ... ON TRUE keeps rows with empty or NULL arrays
CREATE TEMPORARY TABLE out1 (id INT, tag STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, tags) AS VALUES (1, SPLIT('a,b', ',')), (2, SPLIT('', ',')), (3, CAST(NULL AS ARRAY<STRING>));
INSERT INTO out1 SELECT id, tag FROM t
LEFT JOIN UNNEST(tags) AS u(tag) ON TRUE;
