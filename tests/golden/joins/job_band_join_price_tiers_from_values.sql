-- non-equi band join: each sale's unit price mapped to a tier range from VALUES
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW tiers (tier, lo, hi) AS VALUES ('cheap', 0.00, 5.00), ('mid', 5.00, 50.00), ('premium', 50.00, 1000.00);
CREATE TEMPORARY TABLE out1 (sale_id INT, tier STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT s.sale_id, t.tier FROM sales s JOIN tiers t ON s.unit_price >= t.lo AND s.unit_price < t.hi ORDER BY s.sale_id;
