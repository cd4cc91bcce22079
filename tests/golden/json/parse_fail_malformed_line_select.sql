-- A json file with a malformed line read by a bare SELECT after another statement: the SELECT's own line fails
CREATE TABLE events (
  id INT,
  kind STRING,
  amount DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = 'parse_fail_events.json',
  'format' = 'json'
);

SELECT 1 AS x;

SELECT kind, COUNT(*) AS n FROM events GROUP BY kind;
