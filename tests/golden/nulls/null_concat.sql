-- || with a NULL operand gives NULL; CONCAT too
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES (CAST(NULL AS STRING)), ('y');
INSERT INTO out1 SELECT 'x' || s, CONCAT('x', s) FROM t;
