-- MD5 of a concatenation of columns, as a dedup key
CREATE TEMPORARY TABLE out1 (id INT, k STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(id, name) AS VALUES (1, 'a'), (2, 'b');
INSERT INTO out1 SELECT id, MD5(CONCAT_WS('|', CAST(id AS STRING), name)) FROM t;
