-- UNNEST of a MAP gives key and value columns
CREATE TEMPORARY TABLE out1 (k STRING, v INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(m) AS VALUES (MAP['a', 1, 'b', 2]);
INSERT INTO out1 SELECT k, v FROM t CROSS JOIN UNNEST(m) AS u(k, v) ORDER BY k;
