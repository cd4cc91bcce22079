-- ROW_NUMBER over a partition ordered by a column
CREATE TEMPORARY TABLE out1 (k STRING, v INT, rn BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 3), ('b', 2), ('a', 2);
INSERT INTO out1 SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC)
FROM t ORDER BY k, v DESC;
