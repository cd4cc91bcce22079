-- LEFT, RIGHT and FULL OUTER joins of Orders to Product as the docs write them (source: Flink docs, Queries > Joins, Outer Equi-JOIN, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/joins/ ; VALUES views, ORDER BY added) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders (order_id, product_id) AS VALUES ('o1', 1), ('o2', 2), ('o3', 9);
CREATE TEMPORARY VIEW Product (id, name) AS VALUES (1, 'tv'), (2, 'radio'), (3, 'fan');
SELECT * FROM Orders LEFT JOIN Product ON Orders.product_id = Product.id ORDER BY order_id;
SELECT * FROM Orders RIGHT JOIN Product ON Orders.product_id = Product.id ORDER BY id;
SELECT * FROM Orders FULL OUTER JOIN Product ON Orders.product_id = Product.id ORDER BY order_id NULLS LAST, id;
