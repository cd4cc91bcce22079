-- weekly buckets with DATE_FORMAT and FLOOR to DAY, averages as DOUBLE
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (day_label STRING, day_start TIMESTAMP(3), avg_qty DOUBLE, max_price DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT DATE_FORMAT(sold_at, 'EEE yyyy-MM-dd'), FLOOR(sold_at TO DAY), AVG(CAST(qty AS DOUBLE)), MAX(unit_price)
FROM sales
GROUP BY DATE_FORMAT(sold_at, 'EEE yyyy-MM-dd'), FLOOR(sold_at TO DAY)
ORDER BY 2;
