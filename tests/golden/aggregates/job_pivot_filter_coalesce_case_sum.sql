-- pivot_out product units per region with FILTER and CASE (sink not named pivot, a reserved word)
CREATE TABLE sales (sale_id INT, region STRING, product STRING, qty INT, unit_price DECIMAL(10, 2), sold_at TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'c2_sales.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE pivot_out (region STRING, widgets BIGINT, gadgets BIGINT, other INT) WITH ('connector' = 'print');
INSERT INTO pivot_out
SELECT region,
       SUM(qty) FILTER (WHERE product = 'widget'),
       COALESCE(SUM(qty) FILTER (WHERE product = 'gadget'), 0),
       SUM(CASE WHEN product NOT IN ('widget', 'gadget') THEN qty ELSE 0 END)
FROM sales GROUP BY region ORDER BY region;
