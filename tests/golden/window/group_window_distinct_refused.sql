-- a legacy group window with a DISTINCT aggregate: Flink refuses it in batch
CREATE TEMPORARY VIEW clicks AS SELECT u, CAST(ts AS TIMESTAMP(3)) AS ts FROM (VALUES ('a', '2024-01-01 10:00:00'), ('b', '2024-01-01 10:01:00'), ('a', '2024-01-01 10:02:00')) AS t(u, ts);
SELECT TUMBLE_START(ts, INTERVAL '5' MINUTE) AS ws, COUNT(*) AS pv, COUNT(DISTINCT u) AS uv FROM clicks GROUP BY TUMBLE(ts, INTERVAL '5' MINUTE);
