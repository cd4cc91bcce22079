-- FIRST_VALUE and LAST_VALUE with an explicit full frame, per partition
CREATE TEMPORARY VIEW prices(sku, d, price) AS VALUES
  ('a', DATE '2024-01-01', 5), ('a', DATE '2024-01-02', 6), ('a', DATE '2024-01-03', 4),
  ('b', DATE '2024-01-01', 50), ('b', DATE '2024-01-02', 55);
CREATE TEMPORARY TABLE out1 (sku STRING, d DATE, price INT, opening INT, closing INT, hi INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT sku, d, price,
       FIRST_VALUE(price) OVER w, LAST_VALUE(price) OVER w, MAX(price) OVER w
FROM prices
WINDOW w AS (PARTITION BY sku ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
ORDER BY sku, d;
