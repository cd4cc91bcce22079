-- JSON_EXISTS and JSON_QUERY of a wildcard: an empty array exists, a missing member under a strict path is an error
CREATE TEMPORARY VIEW v(j) AS VALUES ('{"a":null,"b":[]}');
CREATE TEMPORARY TABLE out1 (a BOOLEAN, b BOOLEAN, c STRING, d STRING, e STRING, f BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_EXISTS(j, '$.b[*]'), JSON_EXISTS(j, '$.zz[*]'), JSON_QUERY(j, '$.zz[*]' EMPTY OBJECT ON ERROR), JSON_QUERY(j, 'lax $.b[*]' EMPTY OBJECT ON EMPTY), JSON_VALUE(j, '$.b[*]' DEFAULT 'dr' ON ERROR), JSON_EXISTS(j, 'lax $.zz') FROM v;
