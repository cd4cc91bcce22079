-- FROM (VALUES ...) AS t(a, b) inline in a join with a CTE, no views
CREATE TEMPORARY TABLE out1 (name STRING, qty INT, price DECIMAL(5, 2)) WITH ('connector' = 'print');
INSERT INTO out1
WITH prices AS (SELECT * FROM (VALUES ('pen', 1.50), ('ink', 12.00)) AS p(item, price))
SELECT o.item, o.qty, p.price FROM (VALUES ('pen', 3), ('ink', 1), ('pad', 2)) AS o(item, qty)
LEFT JOIN prices p ON o.item = p.item ORDER BY o.item;
