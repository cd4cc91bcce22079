-- LEFT JOIN LATERAL UNNEST(...) AS u(x) ON TRUE (without TABLE) keeps a row whose array is NULL; a comma LATERAL UNNEST drops it
CREATE TEMPORARY VIEW v(id, a) AS VALUES (1, ARRAY['x', 'y']), (3, CAST(NULL AS ARRAY<STRING>));
CREATE TEMPORARY TABLE out1 (id INT, x STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (id INT, x STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT v.id, u.x FROM v LEFT JOIN LATERAL UNNEST(v.a) AS u(x) ON TRUE;
INSERT INTO out2 SELECT v.id, u.x FROM v, LATERAL UNNEST(v.a) AS u(x);
