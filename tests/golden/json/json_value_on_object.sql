-- JSON_VALUE of a path that is an object gives NULL
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_VALUE('{"a": {"b": 1}}', '$.a');
