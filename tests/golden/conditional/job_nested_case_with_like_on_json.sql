-- classification with nested CASE and LIKE patterns on product names from json
CREATE TABLE products (sku STRING, name STRING, price DECIMAL(10, 2), stock INT)
  WITH ('connector' = 'filesystem', 'path' = 'shop_products.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (sku STRING, kind STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT sku, CASE WHEN name LIKE '%Pro%' THEN 'pro' WHEN name LIKE 'W%' THEN CASE WHEN price < 10 THEN 'cheap widget' ELSE 'widget' END ELSE 'other' END
FROM products ORDER BY sku;
