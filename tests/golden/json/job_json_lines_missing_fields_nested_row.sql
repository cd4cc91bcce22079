-- json lines with missing and null fields read as NULL, nested ROW field access
CREATE TABLE events (user_id INT, event STRING, ts TIMESTAMP(3), props ROW<device STRING, ver INT>, tags ARRAY<STRING>, payload STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_events.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (user_id INT, event STRING, device STRING, ver INT, n_tags INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT user_id, event, props.device, events.props.ver, CARDINALITY(tags) FROM events ORDER BY ts;
