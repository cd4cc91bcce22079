-- RETURNING INT of a JSON number with a fraction fails the job (Flink casts the parsed BigDecimal)
CREATE TEMPORARY TABLE out1 (a INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_VALUE(j, '$.d' RETURNING INT) FROM (VALUES ('{"w": "abc", "i": 7, "d": 2.5}')) AS t(j);
