-- SIMILAR TO with alternation
CREATE TEMPORARY TABLE out1 (s STRING, m BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(s) AS VALUES ('cats'), ('dog'), ('cow');
INSERT INTO out1 SELECT s, s SIMILAR TO '(cat|dog)s?' FROM t;
