-- running average of the last three prices per product with a ROWS frame, and the count in the frame (source: Confluent developer course 'Flink SQL: OVER aggregations', https://developer.confluent.io/courses/flink-sql/over-windows ; $rowtime replaced by an order_time column) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW orders (product_id, price, order_time) AS VALUES
  (1001, 10.0, TIMESTAMP '2024-01-01 10:00:00'), (1001, 20.0, TIMESTAMP '2024-01-01 10:01:00'),
  (1001, 30.0, TIMESTAMP '2024-01-01 10:02:00'), (1001, 40.0, TIMESTAMP '2024-01-01 10:03:00'),
  (1002, 5.0, TIMESTAMP '2024-01-01 10:00:30');
SELECT
  product_id,
  price,
  COUNT(price) OVER w AS num_prices,
  AVG(price) OVER w AS avg_price
FROM orders
WHERE product_id < 1010
WINDOW w AS (
  PARTITION BY product_id
  ORDER BY order_time
  ROWS BETWEEN 2 PRECEDING AND CURRENT ROW
);
