-- WITH clause computing price + tax then grouped (source: Flink docs, Queries > WITH clause, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/with/ ; Kafka replaced by VALUES) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders (order_id, price, tax) AS VALUES ('o1', 10.50, 1.05), ('o2', 3.00, 0.30), ('o1', 2.25, 0.23);
WITH orders_with_total AS (
    SELECT order_id, price + tax AS total
    FROM Orders
)
SELECT order_id, SUM(total)
FROM orders_with_total
GROUP BY order_id;
