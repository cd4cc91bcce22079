-- JSON_VALUE with RETURNING INT, DEFAULT ... ON ERROR and ON EMPTY, and JSON_EXISTS on array paths [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW docs (j) AS VALUES ('{"n": "12", "a": [1, 2, 3]}'), ('{"n": "x"}'), ('{"a": []}'), (CAST(NULL AS STRING));
SELECT JSON_VALUE(j, '$.n' RETURNING INT DEFAULT -1 ON EMPTY DEFAULT -2 ON ERROR),
       JSON_VALUE(j, '$.a[1]' RETURNING INT),
       JSON_EXISTS(j, '$.a[0]'),
       JSON_QUERY(j, '$.a' WITH WRAPPER),
       JSON_QUERY(j, '$.missing' EMPTY ARRAY ON EMPTY)
FROM docs;
