-- interval join: orders shipped within 4 hours (source: Flink docs, Queries > Joins, Interval Joins, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/joins/ ; csv and VALUES instead of Kafka, columns listed and sorted) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders (id, order_time) AS VALUES
  (1, TIMESTAMP '2024-01-01 08:00:00'), (2, TIMESTAMP '2024-01-01 09:00:00'), (3, TIMESTAMP '2024-01-01 10:00:00');
CREATE TEMPORARY VIEW Shipments (order_id, ship_time) AS VALUES
  (1, TIMESTAMP '2024-01-01 11:59:59'), (2, TIMESTAMP '2024-01-01 14:00:00'), (3, TIMESTAMP '2024-01-01 09:00:00'), (1, TIMESTAMP '2024-01-01 08:00:00');
SELECT o.id, o.order_time, s.ship_time
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time
ORDER BY o.id, s.ship_time;
