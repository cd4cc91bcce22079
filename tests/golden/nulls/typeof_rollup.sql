-- TYPEOF with ROLLUP: the key is nullable, SUM of a NOT NULL column stays NOT NULL (the GROUP BY names a key)
CREATE TEMPORARY VIEW t(k, v) AS VALUES (1, 10), (1, 20), (2, 5);
CREATE TEMPORARY TABLE out1 (k INT, a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, TYPEOF(k), TYPEOF(SUM(v)), TYPEOF(COUNT(*)) FROM t GROUP BY ROLLUP (k) ORDER BY k;
