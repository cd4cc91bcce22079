-- JSON_VALUE with a malformed path
CREATE TEMPORARY TABLE out1 (s STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_VALUE('{"a": 1}', 'a.b');
