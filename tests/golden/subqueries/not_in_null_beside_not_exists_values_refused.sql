-- NOT IN against a subquery containing NULL returns no rows (the classic trap), NOT EXISTS returns some
CREATE TEMPORARY VIEW a(x) AS VALUES (1), (2), (3);
CREATE TEMPORARY VIEW b(y) AS VALUES (2), (CAST(NULL AS INT));
CREATE TEMPORARY TABLE not_in (x INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE not_exists (x INT) WITH ('connector' = 'print');
INSERT INTO not_in SELECT x FROM a WHERE x NOT IN (SELECT y FROM b);
INSERT INTO not_exists SELECT x FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.y = a.x) ORDER BY x;
