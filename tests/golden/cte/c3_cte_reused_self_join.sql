-- a CTE referenced twice: month-over-month growth by self-joining monthly totals [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
WITH daily AS (
  SELECT CAST(order_time AS DATE) AS d, SUM(amount) AS total FROM Orders GROUP BY CAST(order_time AS DATE)
)
SELECT cur.d, cur.total, prev.total AS prev_total, cur.total - prev.total AS delta
FROM daily cur LEFT JOIN daily prev ON prev.d = cur.d - INTERVAL '1' DAY
ORDER BY cur.d;
