-- SUM of a CASE expression per group (pivot style)
CREATE TEMPORARY TABLE out1 (k STRING, pos INT, neg INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(k, label) AS VALUES ('m1', 'positive'), ('m1', 'negative'), ('m1', 'positive'), ('m2', 'negative');
INSERT INTO out1 SELECT k, SUM(CASE WHEN label = 'positive' THEN 1 ELSE 0 END), SUM(CASE WHEN label = 'negative' THEN 1 ELSE 0 END)
FROM t
GROUP BY k ORDER BY k;
