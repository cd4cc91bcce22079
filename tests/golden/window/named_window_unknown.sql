-- OVER x with no window x is refused
CREATE TEMPORARY TABLE out1 (k STRING, v INT, s BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('a', 1), ('a', 2), ('a', 4), ('b', 5), ('b', 7), ('a', CAST(NULL AS INT));
INSERT INTO out1 SELECT k, v, COUNT(*) OVER x FROM t WINDOW w AS (PARTITION BY k ORDER BY v) ORDER BY k, v;
