-- windows over a TIMESTAMP_LTZ column are cut on its wall time in the session time zone: a day's window starts at the zone's midnight
SET 'table.local-time-zone' = 'Asia/Shanghai';
CREATE TEMPORARY VIEW e AS SELECT id, TO_TIMESTAMP_LTZ(ts, 3) AS rt FROM (VALUES (1, 1735660800000), (2, 1735747199000), (3, 1735750000000), (4, 1735689600000)) AS t(id, ts);
SELECT window_start, window_end, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE e, DESCRIPTOR(rt), INTERVAL '1' DAY)) GROUP BY window_start, window_end ORDER BY window_start;
SELECT window_start, window_end, window_time, id FROM TABLE(HOP(TABLE e, DESCRIPTOR(rt), INTERVAL '12' HOUR, INTERVAL '1' DAY)) ORDER BY window_start, id;
