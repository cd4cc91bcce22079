-- LISTAGG's separator must be a literal
-- golden: expect-message
CREATE TEMPORARY TABLE out1 (l STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v, sep) AS VALUES ('a', ','), ('b', ';');
INSERT INTO out1 SELECT LISTAGG(v, sep) FROM t;
