-- explode a MAP column from json into key/value rows
CREATE TABLE products (sku STRING, name STRING, price DECIMAL(10, 2), attrs MAP<STRING, STRING>, stock INT)
  WITH ('connector' = 'filesystem', 'path' = 'c2_products.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (sku STRING, k STRING, v STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT p.sku, a.k, a.v FROM products p CROSS JOIN UNNEST(p.attrs) AS a (k, v) ORDER BY p.sku, a.k;
