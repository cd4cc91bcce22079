-- Flink docs, Queries > Set Operations, IN and EXISTS (nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/set-ops/) [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders(user_name, product, amount) AS VALUES ('ann', 'pen', 3), ('bob', 'cup', 1), ('cid', 'ink', 9);
CREATE TEMPORARY VIEW NewProducts(product) AS VALUES ('pen'), ('ink');
SELECT user_name, amount
FROM Orders
WHERE product IN (
    SELECT product FROM NewProducts
);
SELECT user_name, amount
FROM Orders
WHERE product EXISTS (
    SELECT product FROM NewProducts
);
