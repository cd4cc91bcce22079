-- JSON_QUERY WITH WRAPPER around a scalar
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_QUERY('{"a": 1}', '$.a' WITH WRAPPER), JSON_QUERY('{"a": 1}', '$.a');
