-- JSON_VALUE can return only STRING, BOOLEAN, INT and DOUBLE: RETURNING BIGINT is refused
CREATE TEMPORARY TABLE out1 (a BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_VALUE(j, '$.i' RETURNING BIGINT) FROM (VALUES ('{"w": "abc", "i": 7, "d": 2.5}')) AS t(j);
