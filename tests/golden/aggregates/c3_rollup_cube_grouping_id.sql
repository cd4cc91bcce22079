-- ROLLUP and CUBE with GROUPING() to label subtotal rows (source: Flink docs, Queries > Group Aggregation, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/group-agg/ ; GROUPING labels and ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Products (supplier_id, product_id, rating) AS VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4);
SELECT supplier_id, rating, COUNT(*) AS total, GROUPING(supplier_id) AS gs
FROM Products
GROUP BY ROLLUP (supplier_id, rating)
ORDER BY gs, supplier_id, rating NULLS LAST;
SELECT CASE WHEN GROUPING(supplier_id) = 1 THEN 'ALL' ELSE supplier_id END AS s, CASE WHEN GROUPING(rating) = 1 THEN -1 ELSE rating END AS r, COUNT(*) AS total
FROM Products
GROUP BY CUBE (supplier_id, rating)
ORDER BY s, r;
