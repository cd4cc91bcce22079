-- a DATE column compared with a DATE literal OR a string literal: the rows (Flink 2.3's planner fails with a ClassCastException)
CREATE TEMPORARY VIEW v (d) AS VALUES (DATE '2024-03-01'), (DATE '2024-03-03');
CREATE TEMPORARY TABLE out1 (d DATE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT d FROM v WHERE d = DATE '2024-03-01' OR d = '2024-03-03';
