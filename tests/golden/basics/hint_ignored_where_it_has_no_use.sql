-- a known hint where it has no use is ignored: OPTIONS among query hints, BROADCAST on a table, LOOKUP and STATE_TTL without a join; a plain comment right after '*' stays a comment
CREATE TEMPORARY TABLE t (id INT, qty INT) WITH ('connector' = 'filesystem', 'path' = 'c3_bad_ints.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, qty INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT /*+ OPTIONS('csv.ignore-parse-errors'='false'), LOOKUP('table'='t'), STATE_TTL('t'='1d') */ id, qty*/*times*/2 FROM t /*+ BROADCAST(t) */;
