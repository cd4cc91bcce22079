-- REGEXP_COUNT, REGEXP_SUBSTR and REGEXP_EXTRACT_ALL over a column, NULL rows included
CREATE TEMPORARY TABLE out1 (s STRING, a INT, b STRING, c ARRAY<STRING>, d INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT s, REGEXP_COUNT(s, '[0-9]+'), REGEXP_SUBSTR(s, '[a-z]+'), REGEXP_EXTRACT_ALL(s, '([a-z])([0-9])', 1), REGEXP_INSTR(s, '[0-9]') FROM (VALUES (1, 'a1b22c333'), (2, CAST(NULL AS STRING)), (3, 'none'), (4, 'a1a1')) AS v(n, s) ORDER BY n;
