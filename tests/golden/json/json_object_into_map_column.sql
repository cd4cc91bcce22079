-- a JSON object read into a MAP<STRING, STRING> column: its keys and values (a number value as its text)
CREATE TABLE t (id INT, m MAP<STRING, STRING>) WITH ('connector' = 'filesystem', 'path' = 'map_objects.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, a STRING, c STRING, n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, m['a'], m['c'], CARDINALITY(m) FROM t ORDER BY id;
