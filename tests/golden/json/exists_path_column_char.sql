-- JSON_EXISTS takes a path column of a CHAR type (VALUES strings all of one length)
CREATE TEMPORARY TABLE o (a BOOLEAN) WITH ('connector' = 'print');
INSERT INTO o SELECT JSON_EXISTS(d, p) FROM (VALUES ('{"a":1}', '$.a'), ('{"a":1,"b":2}', '$.b')) AS t(d, p);
