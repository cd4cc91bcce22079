-- ROLLUP totals per country and tier with GROUPING() to label subtotal rows
CREATE TEMPORARY VIEW sales(country, tier, amount) AS VALUES ('DE', 'gold', 10), ('DE', 'silver', 5), ('US', 'gold', 7);
CREATE TEMPORARY TABLE out1 (country STRING, tier STRING, total INT, lvl INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT COALESCE(country, 'ALL'), COALESCE(tier, 'ALL'), SUM(amount), GROUPING(country, tier)
FROM sales GROUP BY ROLLUP (country, tier) ORDER BY 4, 1, 2;
