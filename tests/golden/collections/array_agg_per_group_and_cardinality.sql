-- ARRAY_AGG of products per region, ordered input, and its size
CREATE TEMPORARY VIEW s (region, product) AS VALUES ('n', 'b'), ('n', 'a'), ('s', 'c'), ('n', 'a');
CREATE TEMPORARY TABLE out1 (region STRING, products ARRAY<STRING>, n INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT region, ARRAY_AGG(product), CARDINALITY(ARRAY_AGG(product)) FROM s GROUP BY region ORDER BY region;
