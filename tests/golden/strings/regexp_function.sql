-- REGEXP(s, pattern) tests for a match anywhere
CREATE TEMPORARY TABLE out1 (s STRING, m BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, REGEXP(s, '^[a-z]+[0-9]$') FROM (VALUES ('abc1'), ('ab12'), ('1abc')) AS t(s);
