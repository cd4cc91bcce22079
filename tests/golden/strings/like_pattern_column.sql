-- LIKE and NOT LIKE take their pattern from a column or an expression (ESCAPE, '_', '%' runs, NULL pattern)
CREATE TEMPORARY TABLE o (s STRING, a BOOLEAN, b BOOLEAN, c BOOLEAN, d BOOLEAN) WITH ('connector' = 'print');
INSERT INTO o SELECT s, s LIKE p, s NOT LIKE p, s LIKE p ESCAPE '!', s LIKE CONCAT(SUBSTRING(s, 1, 1), '%') FROM (VALUES
 ('abc', 'a%'), ('abc', 'a_c'), ('a_c', 'a!_c'), ('abc', 'a!_c'), ('abc', CAST(NULL AS STRING)), ('a%c', 'a!%%'), ('abc', '%%c'), ('', '%'), ('xyz', 'XYZ')) AS t(s, p);
