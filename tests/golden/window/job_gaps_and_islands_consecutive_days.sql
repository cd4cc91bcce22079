-- gaps and islands: consecutive login days per user via date minus ROW_NUMBER
CREATE TEMPORARY VIEW logins (u, d) AS VALUES
  ('a', DATE '2024-01-01'), ('a', DATE '2024-01-02'), ('a', DATE '2024-01-03'), ('a', DATE '2024-01-05'),
  ('b', DATE '2024-01-10'), ('b', DATE '2024-01-12'), ('b', DATE '2024-01-13');
CREATE TEMPORARY TABLE out1 (u STRING, start_d DATE, end_d DATE, days BIGINT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT u, MIN(d), MAX(d), COUNT(*) FROM (
  SELECT u, d, TIMESTAMPADD(DAY, -CAST(ROW_NUMBER() OVER (PARTITION BY u ORDER BY d) AS INT), d) AS grp FROM logins
) GROUP BY u, grp ORDER BY u, 2;
