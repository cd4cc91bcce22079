-- A json file with a malformed line (no 'json.ignore-parse-errors'): the job fails at run time, at the INSERT reading it
CREATE TABLE events (
  id INT,
  kind STRING,
  amount DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = 'parse_fail_events.json',
  'format' = 'json'
);

CREATE TABLE out_t (kind STRING, n BIGINT) WITH ('connector' = 'print');

INSERT INTO out_t SELECT kind, COUNT(*) FROM events GROUP BY kind;
