-- SELECT with arithmetic and WHERE on a projected expression, plus a filter on a function result (source: Flink docs, Queries > SELECT & WHERE, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/select/ ; VALUES instead of a table) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders (order_id, price, tax, id) AS VALUES ('o1', 10.50, 1.05, 10), ('o2', 30.00, 3.00, 11), ('o3', 25.00, 2.50, 12);
SELECT order_id, price + tax FROM Orders;
SELECT order_id, price FROM Orders WHERE id = 10;
SELECT order_id FROM Orders WHERE price > 20;
