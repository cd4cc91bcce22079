-- NULL = NULL is NULL, so WHERE drops the row
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, v) AS VALUES (1, CAST(NULL AS INT)), (2, 5);
INSERT INTO out1 SELECT id FROM t WHERE v = v;
