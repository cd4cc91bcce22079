-- ORDER BY two keys, one descending
CREATE TEMPORARY TABLE out1 (k STRING, v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('b', 1), ('a', 2), ('b', 3), ('a', 1);
INSERT INTO out1 SELECT k, v FROM t ORDER BY k ASC, v DESC;
