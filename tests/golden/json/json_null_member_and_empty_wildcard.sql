-- a JSON null member is an error in strict mode (ON ERROR) and empty in lax mode (ON EMPTY); a wildcard over an empty array is an empty array
CREATE TEMPORARY VIEW v(j) AS VALUES ('{"a":null,"b":[]}');
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c BOOLEAN, d BOOLEAN, e BOOLEAN, f STRING, g STRING, h STRING, i STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_VALUE(j, '$.a' DEFAULT 'dr' ON ERROR), JSON_VALUE(j, 'lax $.a' DEFAULT 'de' ON EMPTY), JSON_EXISTS(j, '$.a'), JSON_EXISTS(j, 'lax $.a'), JSON_EXISTS(j, '$.a' TRUE ON ERROR), JSON_QUERY(j, 'lax $.a' EMPTY OBJECT ON EMPTY), JSON_QUERY(j, '$.a' EMPTY OBJECT ON ERROR), JSON_QUERY(j, '$.b[*]' EMPTY OBJECT ON ERROR), JSON_VALUE(j, 'lax $.b[*]' DEFAULT 'de' ON EMPTY DEFAULT 'dr' ON ERROR) FROM v;
