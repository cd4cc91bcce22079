-- JSON_VALUE with an array index path
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(j) AS VALUES ('{"tags": ["x", "y"]}');
INSERT INTO out1 SELECT JSON_VALUE(j, '$.tags[0]'), JSON_VALUE(j, '$.tags[5]') FROM t;
