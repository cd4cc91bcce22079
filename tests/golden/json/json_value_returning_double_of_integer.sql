-- RETURNING DOUBLE of a JSON integer fails the job (an Integer is no BigDecimal)
CREATE TEMPORARY TABLE out1 (a DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_VALUE(j, '$.i' RETURNING DOUBLE) FROM (VALUES ('{"w": "abc", "i": 7, "d": 2.5}')) AS t(j);
