-- day-over-day delta with LAG and LEAD defaults over a VALUES time series
CREATE TEMPORARY VIEW daily(d, sales) AS VALUES
  (DATE '2024-01-01', 100), (DATE '2024-01-02', 120), (DATE '2024-01-03', 90), (DATE '2024-01-05', 130);
CREATE TEMPORARY TABLE out1 (d DATE, sales INT, prev_sales INT, delta INT, next_day DATE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT d, sales, LAG(sales, 1, 0) OVER (ORDER BY d), sales - LAG(sales) OVER (ORDER BY d),
       LEAD(d) OVER (ORDER BY d)
FROM daily ORDER BY d;
