-- a json source: nested ROW, ARRAY, missing field, extra field
CREATE TABLE orders (id INT, customer STRING, amount DOUBLE, paid BOOLEAN, tags ARRAY<STRING>, address ROW<city STRING, zip STRING>)
  WITH ('connector' = 'filesystem', 'path' = 'orders.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, customer STRING, amount DOUBLE, n_tags INT, city STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, customer, amount, CARDINALITY(tags), address.city FROM orders ORDER BY id;
