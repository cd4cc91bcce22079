-- INTERSECT of tiny VALUES: grouped by sorting, rows in key order
SELECT c FROM (VALUES ('Hi'), ('Hello'), ('Hello world')) AS a(c)
INTERSECT
SELECT c FROM (VALUES ('Hi'), ('Hello'), ('Hello'), ('Hello world!')) AS b(c);
