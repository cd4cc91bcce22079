-- a dimension view with defaults: COALESCE chains over LEFT JOINs of two lookups
CREATE TEMPORARY VIEW facts (id, a_code, b_code) AS VALUES (1, 'x', 'p'), (2, 'y', CAST(NULL AS STRING)), (3, CAST(NULL AS STRING), 'q');
CREATE TEMPORARY VIEW dim_a (code, name) AS VALUES ('x', 'Ex');
CREATE TEMPORARY VIEW dim_b (code, name) AS VALUES ('p', 'Pe'), ('q', 'Qu');
CREATE TEMPORARY TABLE out1 (id INT, label STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT f.id, COALESCE(a.name, b.name, f.a_code, 'n/a') FROM facts f LEFT JOIN dim_a a ON a.code = f.a_code LEFT JOIN dim_b b ON b.code = f.b_code ORDER BY f.id;
