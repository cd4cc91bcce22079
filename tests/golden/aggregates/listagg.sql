-- LISTAGG with the default separator and a custom one
CREATE TEMPORARY TABLE out1 (k STRING, a STRING, b STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, v) AS VALUES ('x', 'a'), ('x', 'b'), ('y', 'c');
INSERT INTO out1 SELECT k, LISTAGG(v), LISTAGG(v, '; ')
FROM t GROUP BY k ORDER BY k;
