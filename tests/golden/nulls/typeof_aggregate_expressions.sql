-- TYPEOF of expressions over grouped aggregates (NOT NULL) and of a scalar subquery (nullable)
CREATE TEMPORARY VIEW t(k, v) AS VALUES (1, 10), (1, 20), (2, 5);
CREATE TEMPORARY TABLE out1 (k INT, a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, TYPEOF(SUM(v) + 1), TYPEOF(MAX(v) * COUNT(*)), TYPEOF((SELECT COUNT(*) FROM t)) FROM t GROUP BY k ORDER BY k;
