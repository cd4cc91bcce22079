-- SUBSTR(s, i, n) is a synonym of SUBSTRING
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT SUBSTR('flink sql', 7), SUBSTR('flink sql', 1, 5);
