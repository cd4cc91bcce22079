-- sessionize clicks: LAG timestamp gap > 30 minutes starts a new session, running SUM of flags
CREATE TEMPORARY VIEW clicks(u, ts) AS VALUES
  (1, TIMESTAMP '2024-01-01 10:00:00'), (1, TIMESTAMP '2024-01-01 10:10:00'),
  (1, TIMESTAMP '2024-01-01 11:00:00'), (2, TIMESTAMP '2024-01-01 09:00:00'),
  (1, TIMESTAMP '2024-01-01 11:20:00');
CREATE TEMPORARY TABLE out1 (u INT, ts TIMESTAMP(0), session_no INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT u, ts, SUM(new_session) OVER (PARTITION BY u ORDER BY ts ROWS UNBOUNDED PRECEDING) FROM (
  SELECT u, ts,
         CASE WHEN LAG(ts) OVER (PARTITION BY u ORDER BY ts) IS NULL
                OR TIMESTAMPDIFF(MINUTE, LAG(ts) OVER (PARTITION BY u ORDER BY ts), ts) > 30
              THEN 1 ELSE 0 END AS new_session
  FROM clicks)
ORDER BY u, ts;
