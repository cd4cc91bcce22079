-- DECIMAL arithmetic: multiply, divide, ROUND, CAST down to fewer digits, SUM and AVG of the products [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW lines (price, qty, tax_rate) AS VALUES
  (CAST(19.99 AS DECIMAL(10, 2)), 3, CAST(0.075 AS DECIMAL(5, 3))),
  (CAST(0.10 AS DECIMAL(10, 2)), 7, CAST(0.200 AS DECIMAL(5, 3))),
  (CAST(1234.56 AS DECIMAL(10, 2)), 1, CAST(0.000 AS DECIMAL(5, 3)));
SELECT price * qty AS net, price * qty * tax_rate AS tax, ROUND(price * qty * (1 + tax_rate), 2) AS gross,
       price / qty AS unit_share, CAST(price AS DECIMAL(5, 1)) AS short_price, price * 1.0 / 3 AS third
FROM lines;
SELECT SUM(price * qty), AVG(price), AVG(qty), SUM(tax_rate) / COUNT(*) FROM lines;
