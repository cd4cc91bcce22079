-- IN and EXISTS subqueries against a NewProducts table (source: Flink docs, Queries > Set Operations, IN / EXISTS, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/set-ops/ ; `user` quoted, VALUES instead of Kafka) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders (`user`, product, amount) AS VALUES ('u1', 'tv', 3), ('u2', 'radio', 1), ('u3', 'tv', 2), ('u4', 'fan', 9);
CREATE TEMPORARY VIEW NewProducts (product) AS VALUES ('tv'), ('fan');
SELECT `user`, amount
FROM Orders
WHERE product IN (
    SELECT product FROM NewProducts
) ORDER BY `user`;
SELECT `user`, amount
FROM Orders
WHERE product EXISTS (
    SELECT product FROM NewProducts
);
