-- JSON function examples of the docs: IS JSON with a type, JSON_EXISTS, JSON_VALUE RETURNING BOOLEAN, lax JSON_QUERY with a wildcard, JSON_OBJECT with KEY ... VALUE (source: Flink docs, System (Built-in) Functions, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/functions/systemfunctions/) [corpus3; expectation from the Flink oracle]
SELECT '[1,2]' IS JSON ARRAY, '{}' IS JSON OBJECT, '1' IS JSON SCALAR, 'abc' IS JSON,
       JSON_EXISTS('{"a": true}', '$.a'), JSON_EXISTS('{"a": true}', '$.b'),
       JSON_VALUE('{"a": true}', '$.a' RETURNING BOOLEAN),
       JSON_QUERY('{"a":[{"c":"c1"},{"c":"c2"}]}', 'lax $.a[*].c'),
       JSON_OBJECT(KEY 'K1' VALUE 'V1', KEY 'K2' VALUE 1);
