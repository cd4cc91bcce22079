-- month-over-month change with LAG and a default, percentage as DOUBLE (column not named prev, a reserved word)
CREATE TEMPORARY VIEW monthly (m, revenue) AS VALUES (1, 100.0), (2, 120.0), (3, 90.0), (4, 90.0), (5, 0.0), (6, 50.0);
CREATE TEMPORARY TABLE out1 (m INT, revenue DECIMAL(4, 1), prev_rev DECIMAL(4, 1), delta DECIMAL(5, 1), pct DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT m, revenue, LAG(revenue, 1, 0.0) OVER (ORDER BY m), revenue - LAG(revenue) OVER (ORDER BY m),
       CASE WHEN LAG(revenue) OVER (ORDER BY m) = 0 THEN NULL ELSE ROUND(CAST((revenue - LAG(revenue) OVER (ORDER BY m)) * 100 / LAG(revenue) OVER (ORDER BY m) AS DOUBLE), 2) END
FROM monthly ORDER BY m;
