-- a DEFAULT of another class than the RETURNING type's fails the job when it is used
CREATE TEMPORARY TABLE out1 (a BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_VALUE(j, 'lax $.y' RETURNING BOOLEAN DEFAULT 'true' ON EMPTY) FROM (VALUES ('{"w": "abc", "i": 7, "d": 2.5}')) AS t(j);
