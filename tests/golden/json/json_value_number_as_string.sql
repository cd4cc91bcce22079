-- JSON_VALUE of numbers as STRING keeps their JSON text
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(j) AS VALUES ('{"i": 10, "f": 2.50, "b": false}');
INSERT INTO out1 SELECT JSON_VALUE(j, '$.i'), JSON_VALUE(j, '$.f'), JSON_VALUE(j, '$.b') FROM t;
