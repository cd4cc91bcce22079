-- JSON_VALUE ... ERROR ON ERROR in a CASE branch is evaluated only for the rows that take it (IS JSON first)
CREATE TABLE t (i INT, j STRING) WITH ('connector' = 'filesystem', 'path' = 'json_guard_rows.csv', 'format' = 'csv');
CREATE TABLE out1 (i INT, v INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT i, CASE WHEN j IS JSON THEN JSON_VALUE(j, '$.a' RETURNING INT ERROR ON ERROR) ELSE -1 END FROM t;
