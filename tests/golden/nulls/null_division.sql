-- division of NULL by zero is NULL, not an error
CREATE TEMPORARY TABLE out1 (r INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (CAST(NULL AS INT));
INSERT INTO out1 SELECT v / 0 FROM t;
