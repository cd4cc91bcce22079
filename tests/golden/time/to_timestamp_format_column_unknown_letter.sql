-- TO_TIMESTAMP with a format column whose pattern has an unknown letter: NULL for that row
CREATE TEMPORARY VIEW v(s, f) AS VALUES ('2024', 'yyyy'), ('2024', 'qqqq');
CREATE TEMPORARY TABLE out1 (ts TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT TO_TIMESTAMP(s, f) FROM v;
