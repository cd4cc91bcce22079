-- json line without a field reads NULL; NULL DECIMAL price times NULL stock, comparisons on NULL
CREATE TABLE products (sku STRING, name STRING, price DECIMAL(10, 2), stock INT)
  WITH ('connector' = 'filesystem', 'path' = 'shop_products.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (sku STRING, name STRING, stock_value DECIMAL(21, 2), in_stock BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT sku, name, price * stock, stock > 0 FROM products ORDER BY sku;
