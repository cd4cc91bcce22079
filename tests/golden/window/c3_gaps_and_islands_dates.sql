-- gaps and islands: consecutive login days grouped by date minus ROW_NUMBER days [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW logins (u, d) AS VALUES
  ('a', DATE '2024-01-01'), ('a', DATE '2024-01-02'), ('a', DATE '2024-01-03'), ('a', DATE '2024-01-07'),
  ('b', DATE '2024-01-02'), ('b', DATE '2024-01-04'), ('b', DATE '2024-01-05');
WITH numbered AS (
  SELECT u, d, ROW_NUMBER() OVER (PARTITION BY u ORDER BY d) AS rn FROM logins
)
SELECT u, MIN(d) AS streak_start, MAX(d) AS streak_end, COUNT(*) AS days
FROM numbered
GROUP BY u, TIMESTAMPADD(DAY, -CAST(rn AS INT), d)
ORDER BY u, streak_start;
