-- Flink docs, Queries > Joins, Interval Joins (nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/joins/): orders shipped within 4 hours [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders(id, order_time) AS VALUES (1, TIMESTAMP '2024-01-01 10:00:00'), (2, TIMESTAMP '2024-01-01 11:00:00'), (3, TIMESTAMP '2024-01-01 12:00:00');
CREATE TEMPORARY VIEW Shipments(order_id, ship_time) AS VALUES (1, TIMESTAMP '2024-01-01 12:00:00'), (2, TIMESTAMP '2024-01-01 16:30:00'), (3, TIMESTAMP '2024-01-01 11:00:00');
SELECT *
FROM Orders o, Shipments s
WHERE o.id = s.order_id
AND o.order_time BETWEEN s.ship_time - INTERVAL '4' HOUR AND s.ship_time;
