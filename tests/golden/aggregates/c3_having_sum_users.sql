-- HAVING on SUM per user, `users` a plain column (source: Flink docs, Queries > Group Aggregation, HAVING, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/group-agg/ ; VALUES instead of Kafka) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders (users, amount) AS VALUES ('ann', 30), ('bob', 60), ('ann', 25), ('cy', 50);
SELECT SUM(amount)
FROM Orders
GROUP BY users
HAVING SUM(amount) > 50;
