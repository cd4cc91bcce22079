-- REGEXP_REPLACE with a character class and a group reference
CREATE TEMPORARY TABLE out1 (a STRING, b STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT REGEXP_REPLACE('a1b22c333', '[0-9]+', '#'), REGEXP_REPLACE('2024-01-05', '(\d+)-(\d+)-(\d+)', '$3/$2/$1');
