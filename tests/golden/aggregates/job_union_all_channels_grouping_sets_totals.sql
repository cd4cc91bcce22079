-- union of online and store sales from VALUES, grouped per channel and in total with GROUPING SETS
CREATE TEMPORARY VIEW online (sku, amount) AS VALUES ('A1', 10), ('B2', 5), ('A1', 7);
CREATE TEMPORARY VIEW store (sku, amount) AS VALUES ('A1', 3), ('C3', 12);
CREATE TEMPORARY TABLE out1 (channel STRING, sku STRING, amount INT) WITH ('connector' = 'print');
INSERT INTO out1
SELECT channel, sku, SUM(amount) FROM (
  SELECT 'online' AS channel, sku, amount FROM online
  UNION ALL
  SELECT 'store', sku, amount FROM store
) GROUP BY GROUPING SETS ((channel, sku), (channel), ())
ORDER BY channel NULLS LAST, sku NULLS LAST;
