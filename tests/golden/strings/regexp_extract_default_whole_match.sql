-- REGEXP_EXTRACT without an index gives the whole match (group 0); no match is NULL, typed nullable
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING, d STRING, t STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT REGEXP_EXTRACT('foo123bar', '([a-z]+)(\d+)'), REGEXP_EXTRACT('foo123bar', '([a-z]+)(\d+)', 1), REGEXP_EXTRACT('foo', 'x(y)'), REGEXP_EXTRACT('Mozilla/5.0', '[^/]+'), TYPEOF(REGEXP_EXTRACT('foo', 'x(y)'));
