-- running SUM with ORDER BY (default RANGE frame: ties share the total)
CREATE TEMPORARY TABLE out1 (v INT, running_sum INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (2), (2), (5);
INSERT INTO out1 SELECT v, SUM(v) OVER (ORDER BY v) FROM t ORDER BY v;
