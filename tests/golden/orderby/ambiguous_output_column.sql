-- ORDER BY a name two select items carry (SELECT s, s ... ORDER BY s)
CREATE TEMPORARY VIEW v(s) AS VALUES ('b'), ('a');
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, s FROM v ORDER BY s;
