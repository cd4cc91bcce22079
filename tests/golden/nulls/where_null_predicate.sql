-- WHERE keeps only rows whose condition is TRUE, not NULL
CREATE TEMPORARY TABLE out1 (id INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, v) AS VALUES (1, 10), (2, CAST(NULL AS INT)), (3, 30);
INSERT INTO out1 SELECT id FROM t WHERE v > 15 OR v < 15;
