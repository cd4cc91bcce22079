-- sessionizing clicks with LAG over a json file: a new session after 30 minutes idle, then session numbers by running SUM [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY TABLE events (
  `user` STRING, event STRING, ts TIMESTAMP(3), payload STRING
) WITH ('connector' = 'filesystem', 'path' = 'c4_events.json', 'format' = 'json');
WITH marked AS (
  SELECT `user`, ts,
    CASE WHEN LAG(ts) OVER (PARTITION BY `user` ORDER BY ts) IS NULL
           OR TIMESTAMPDIFF(MINUTE, LAG(ts) OVER (PARTITION BY `user` ORDER BY ts), ts) > 30 THEN 1 ELSE 0 END AS new_session
  FROM events
)
SELECT `user`, ts, SUM(new_session) OVER (PARTITION BY `user` ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS session_no
FROM marked
ORDER BY `user`, ts;
