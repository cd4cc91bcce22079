-- join on two equality keys plus a BETWEEN range condition (price bands)
CREATE TEMPORARY VIEW sales(region, product, amount) AS VALUES ('n', 'p', 5), ('n', 'p', 50), ('s', 'q', 20);
CREATE TEMPORARY VIEW bands(region, product, lo, hi, band) AS VALUES ('n', 'p', 0, 9, 'low'), ('n', 'p', 10, 99, 'high'), ('s', 'q', 0, 99, 'any');
CREATE TEMPORARY TABLE out1 (region STRING, amount INT, band STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT s.region, s.amount, b.band FROM sales s JOIN bands b
  ON s.region = b.region AND s.product = b.product AND s.amount BETWEEN b.lo AND b.hi
ORDER BY s.region, s.amount;
