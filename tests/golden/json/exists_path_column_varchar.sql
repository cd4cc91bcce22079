-- JSON_EXISTS refuses a path column of a VARCHAR type (Flink: Unsupported call)
CREATE TEMPORARY TABLE o (a BOOLEAN) WITH ('connector' = 'print');
INSERT INTO o SELECT JSON_EXISTS(d, p) FROM (VALUES ('{"a":1}', '$.a'), ('{"a":1,"b":2}', 'b')) AS t(d, p);
