-- LIKE is case-sensitive
CREATE TEMPORARY TABLE out1 (r BOOLEAN, s BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT 'Apple' LIKE 'a%', LOWER('Apple') LIKE 'a%';
