-- a derived table in FROM with its own alias and filter
CREATE TEMPORARY TABLE out1 (name STRING, age INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT name, age FROM (SELECT name, age + 1 AS age FROM (VALUES ('ann', 30), ('ben', 12)) AS p(name, age)) AS q
WHERE age > 18;
