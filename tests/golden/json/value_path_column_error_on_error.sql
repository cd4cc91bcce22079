-- JSON_VALUE with a path from a column and ERROR ON ERROR: a malformed path in one row fails the job
CREATE TEMPORARY TABLE o (v STRING) WITH ('connector' = 'print');
INSERT INTO o SELECT JSON_VALUE(d, p ERROR ON ERROR) FROM (VALUES ('{"a":3}', '$$'), ('{"a":3}', '$.a')) AS t(d, p);
