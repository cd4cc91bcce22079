-- two windows of one name are refused
CREATE TEMPORARY TABLE out1 (k STRING, v INT, s BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 2), ('a', 4), ('b', 5), ('b', 7), ('a', CAST(NULL AS INT));
INSERT INTO out1 SELECT k, v, COUNT(*) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY v), w AS (ORDER BY v) ORDER BY k, v;
