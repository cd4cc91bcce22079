-- JSON_QUERY returns objects and arrays as JSON text
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(j) AS VALUES ('{"a": {"b": 1}, "arr": [1, 2]}');
INSERT INTO out1 SELECT JSON_QUERY(j, '$.a'), JSON_QUERY(j, '$.arr'), JSON_QUERY(j, '$.nope')
FROM t;
