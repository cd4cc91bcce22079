-- a JSON path ending in an unclosed '[' reads as the path before it ('$.a[' is '$.a'), literal or from a column
CREATE TEMPORARY TABLE o (v STRING, w STRING, x STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT JSON_VALUE(d, p ERROR ON ERROR), JSON_VALUE('{"a":3}', '$.a[' ERROR ON ERROR), JSON_QUERY('{"a":[5]}', '$.a[') FROM (VALUES ('{"a":3}', '$.a['), ('{"a":3}', 'a[')) AS t(d, p);
