-- JSON_VALUE of text that is not JSON gives NULL
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(j) AS VALUES ('not json'), ('{"a": "ok"}');
INSERT INTO out1 SELECT JSON_VALUE(j, '$.a') FROM t;
