-- GROUPING SETS with an empty set over an inline VALUES table (source: Flink docs, Queries > Group Aggregation, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/group-agg/ ; outer ORDER BY added) [corpus3; expectation from the Flink oracle]
SELECT supplier_id, rating, COUNT(*) AS total
FROM (VALUES
    ('supplier1', 'product1', 4),
    ('supplier1', 'product2', 3),
    ('supplier2', 'product3', 3),
    ('supplier2', 'product4', 4))
AS Products(supplier_id, product_id, rating)
GROUP BY GROUPING SETS ((supplier_id, rating), (supplier_id), ())
ORDER BY supplier_id NULLS LAST, rating NULLS LAST;
