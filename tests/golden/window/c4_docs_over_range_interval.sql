-- Flink docs, Queries > Over Aggregation (nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/queries/over-agg/): amount over the last hour per product [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY VIEW Orders(order_id, product, amount, order_time) AS VALUES
  (1, 'pen', 3, TIMESTAMP '2024-01-01 10:00:00'),
  (2, 'pen', 5, TIMESTAMP '2024-01-01 10:30:00'),
  (3, 'pen', 2, TIMESTAMP '2024-01-01 11:15:00'),
  (4, 'cup', 9, TIMESTAMP '2024-01-01 10:10:00'),
  (5, 'pen', 1, TIMESTAMP '2024-01-01 11:30:01');
SELECT order_id, order_time, amount,
  SUM(amount) OVER (
    PARTITION BY product
    ORDER BY order_time
    RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW
  ) AS one_hour_prod_amount_sum
FROM Orders;
