-- DECIMAL money math: tax, rounding, division result scale, CAST to narrower DECIMAL
CREATE TEMPORARY VIEW items(sku, price, qty, tax_rate) AS VALUES
  ('a', CAST(19.99 AS DECIMAL(10, 2)), 3, CAST(0.19 AS DECIMAL(4, 2))),
  ('b', CAST(0.10 AS DECIMAL(10, 2)), 7, CAST(0.07 AS DECIMAL(4, 2))),
  ('c', CAST(1234.50 AS DECIMAL(10, 2)), 1, CAST(0.00 AS DECIMAL(4, 2)));
CREATE TEMPORARY TABLE out1 (sku STRING, net DECIMAL(20, 2), tax DECIMAL(20, 4), gross DECIMAL(20, 2), per_unit DECIMAL(20, 6)) WITH ('connector' = 'print');
INSERT INTO out1
SELECT sku, price * qty, price * qty * tax_rate, ROUND(price * qty * (1 + tax_rate), 2), price / 3
FROM items ORDER BY sku;
