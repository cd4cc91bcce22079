-- LIKE's '_' matches no line break (Java's '.'), '%' matches runs with line breaks, literal patterns and a pattern column
CREATE TEMPORARY TABLE o (a BOOLEAN, b BOOLEAN, c BOOLEAN, d BOOLEAN, e BOOLEAN, f BOOLEAN, g BOOLEAN) WITH ('connector' = 'print');
INSERT INTO o SELECT s LIKE 'ab_c', s LIKE 'a%c', s LIKE 'ab%', s LIKE '%c', s LIKE 'a%b%c', s LIKE '%b_c%', s LIKE p FROM (VALUES ('ab' || CHR(10) || 'c', 'ab_c'), ('ab' || CHR(13) || 'c', '%b_c'), ('abxc', 'ab_c')) AS t(s, p);
