-- JSON_VALUE ... ERROR ON EMPTY fails the job for a lax path with no result
-- golden: expect-message
CREATE TEMPORARY VIEW v(j) AS VALUES ('{"a":"x"}'), ('{}');
CREATE TEMPORARY TABLE out1 (a STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT JSON_VALUE(j, 'lax $.a' ERROR ON EMPTY) FROM v;
