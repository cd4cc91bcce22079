-- FROM t, UNNEST(...) drops rows whose array is NULL; LEFT JOIN ... ON TRUE keeps them, ordinality NULL
CREATE TEMPORARY TABLE out1 (id INT, tag STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (id INT, tag STRING, n INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, tags) AS VALUES (1, ARRAY['a', 'b']), (2, CAST(NULL AS ARRAY<STRING>)), (3, ARRAY['c']);
INSERT INTO out1 SELECT id, tag FROM t, UNNEST(tags) AS u(tag);
INSERT INTO out2 SELECT id, tag, n FROM t LEFT JOIN UNNEST(tags) WITH ORDINALITY AS u(tag, n) ON TRUE;
