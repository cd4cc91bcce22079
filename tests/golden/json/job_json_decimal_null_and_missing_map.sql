-- a json number into a DECIMAL column, a null price, and a missing map column
CREATE TABLE products (sku STRING, name STRING, price DECIMAL(10, 2), attrs MAP<STRING, STRING>, stock INT)
  WITH ('connector' = 'filesystem', 'path' = 'c2_products.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (sku STRING, name STRING, price DECIMAL(10, 2), color STRING, n_attrs INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT sku, TRIM(name), price, attrs['color'], CARDINALITY(attrs) FROM products ORDER BY sku;
