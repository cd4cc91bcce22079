-- daily and hourly bucketing of order times: CAST to DATE, FLOOR TO HOUR, DATE_FORMAT, EXTRACT, DAYOFWEEK [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE daily (d DATE, dow INT, hour_bucket TIMESTAMP(3), label STRING, n BIGINT, total DECIMAL(38, 2)) WITH ('connector' = 'print');
INSERT INTO daily
SELECT CAST(order_time AS DATE) AS d,
       DAYOFWEEK(CAST(order_time AS DATE)),
       FLOOR(order_time TO HOUR),
       DATE_FORMAT(order_time, 'yyyy/MM/dd HH') || 'h Q' || CAST(EXTRACT(QUARTER FROM order_time) AS STRING),
       COUNT(*), SUM(amount)
FROM Orders
GROUP BY CAST(order_time AS DATE), DAYOFWEEK(CAST(order_time AS DATE)), FLOOR(order_time TO HOUR),
         DATE_FORMAT(order_time, 'yyyy/MM/dd HH') || 'h Q' || CAST(EXTRACT(QUARTER FROM order_time) AS STRING)
ORDER BY 3;
