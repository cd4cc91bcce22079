-- computed columns on a csv source: amount with tax, order date, status flag; used in WHERE and GROUP BY
CREATE TABLE orders (
  order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3),
  gross AS amount * 1.2,
  order_day AS CAST(ts AS DATE),
  is_paid AS status = 'paid'
) WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_day DATE, n BIGINT, gross DECIMAL(38, 3)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_day, COUNT(*), SUM(gross) FROM orders WHERE is_paid GROUP BY order_day ORDER BY order_day;
