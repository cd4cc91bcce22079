-- JSON_VALUE and JSON_QUERY take their path from a column, read per row (clauses, lax/strict, paths without $, NULL path)
CREATE TEMPORARY TABLE o (p STRING, a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT p, JSON_VALUE(d, p DEFAULT 'e' ON EMPTY DEFAULT 'r' ON ERROR), JSON_QUERY(d, p WITH CONDITIONAL WRAPPER EMPTY ARRAY ON EMPTY EMPTY OBJECT ON ERROR), JSON_VALUE(d, p) FROM (VALUES
 ('{"a":1,"b":[1]}', '$.a'), ('{"a":1,"b":[1]}', 'lax $.z'), ('{"a":1,"b":[1]}', 'strict $.z'), ('{"a":1,"b":[1]}', CAST(NULL AS STRING)), ('{"a":1,"b":[1]}', '$.b'), ('{"a":1,"b":[1]}', 'b[0]'), ('{"a":1,"b":[1]}', ' $.a'), ('{"a":1,"b":[1]}', '$$'), ('{"a":1,"b":[1]}', '[0]'), ('[4]', '[0]'), (CAST(NULL AS STRING), '$.a')) AS t(d, p);
