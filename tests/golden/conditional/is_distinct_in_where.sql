-- IS DISTINCT FROM in WHERE finds changed values including NULL changes
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, old_v, new_v) AS VALUES (1, 'a', 'a'), (2, 'a', CAST(NULL AS STRING)), (3, CAST(NULL AS STRING), CAST(NULL AS STRING)), (4, 'a', 'b');
INSERT INTO out1 SELECT id FROM t
WHERE old_v IS DISTINCT FROM new_v;
