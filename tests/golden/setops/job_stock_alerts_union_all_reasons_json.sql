-- stock alerts: out-of-stock and unknown-stock products unioned with a reason
CREATE TABLE products (sku STRING, name STRING, price DECIMAL(10, 2), attrs MAP<STRING, STRING>, stock INT)
  WITH ('connector' = 'filesystem', 'path' = 'c2_products.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (sku STRING, reason STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT sku, 'out of stock' FROM products WHERE stock = 0
UNION ALL
SELECT sku, 'stock unknown' FROM products WHERE stock IS NULL
UNION ALL
SELECT sku, 'no price' FROM products WHERE price IS NULL
ORDER BY 1, 2;
