-- RANK() OVER without ORDER BY (a user mistake)
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 1), ('a', 2);
CREATE TEMPORARY TABLE out1 (k STRING, r BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, RANK() OVER (PARTITION BY k) FROM v;
