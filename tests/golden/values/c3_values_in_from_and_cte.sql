-- VALUES as a derived table with column aliases, in a CTE, joined and filtered [corpus3; expectation from the Flink oracle]
WITH prices (sku, price) AS (VALUES ('A', 10), ('B', 25), ('C', 5))
SELECT o.sku, o.qty, p.price, o.qty * p.price AS line_total
FROM (VALUES ('A', 2), ('C', 10), ('D', 1)) AS o (sku, qty)
LEFT JOIN prices p ON o.sku = p.sku
WHERE o.qty > 1 OR p.price IS NULL
ORDER BY o.sku;
