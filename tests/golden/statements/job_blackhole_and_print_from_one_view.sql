-- two sinks fed by one view: a blackhole for the raw rows and a print for the summary
CREATE TEMPORARY VIEW v(k, x) AS VALUES ('a', 1), ('b', 2), ('a', 3);
CREATE TEMPORARY TABLE raw_sink (k STRING, x INT) WITH ('connector' = 'blackhole');
CREATE TEMPORARY TABLE summary (k STRING, total INT) WITH ('connector' = 'print');
INSERT INTO raw_sink SELECT k, x FROM v;
INSERT INTO summary SELECT k, SUM(x) FROM v GROUP BY k ORDER BY k;
