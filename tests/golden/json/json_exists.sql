-- JSON_EXISTS on present and absent paths
CREATE TEMPORARY TABLE out1 (a BOOLEAN, b BOOLEAN, c BOOLEAN) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(j) AS VALUES ('{"a": null, "arr": [1, 2]}');
INSERT INTO out1 SELECT JSON_EXISTS(j, '$.a'), JSON_EXISTS(j, '$.z'), JSON_EXISTS(j, '$.arr[1]')
FROM t;
