-- REGEXP_REPLACE removing whitespace runs and a dollar in the replacement
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT REGEXP_REPLACE('a   b  c', '\s+', ' '), REGEXP_REPLACE('price 5', '(\d)', '\$$1');
