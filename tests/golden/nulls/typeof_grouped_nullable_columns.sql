-- TYPEOF: with GROUP BY, aggregates of a nullable column stay nullable, of a NOT NULL column are NOT NULL
CREATE TABLE t (k INT NOT NULL, v INT) WITH ('connector' = 'filesystem', 'path' = 'kv.csv', 'format' = 'csv', 'csv.null-literal' = '');
CREATE TEMPORARY TABLE out1 (k INT, a STRING, b STRING, c STRING, d STRING, e STRING, s INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, TYPEOF(k), TYPEOF(COUNT(v)), TYPEOF(SUM(k)), TYPEOF(SUM(v)), TYPEOF(MAX(v)), SUM(v) FROM t GROUP BY k ORDER BY k;
