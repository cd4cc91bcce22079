-- JSON_VALUE, JSON_QUERY with a column path: strict errors, lax, a path with a trailing blank
CREATE TEMPORARY TABLE o (p STRING, v STRING, q STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT p, JSON_VALUE(d, p), JSON_QUERY(d, p) FROM (VALUES
 ('{"a":1,"b":{"c":[1,2]}}', '$.a'), ('{"a":1,"b":{"c":[1,2]}}', '$.b'), ('{"a":1,"b":{"c":[1,2]}}', 'lax $.b.c'),
 ('{"a":1,"b":{"c":[1,2]}}', 'a'), ('{"a":1,"b":{"c":[1,2]}}', CAST(NULL AS STRING)), ('{"a":1,"b":{"c":[1,2]}}', 'b'), ('{"a":1}', 'zz'), ('{"a":1}', 'a '), ('{"a":1}', ' $.a')) AS t(d, p);
