-- json.fail-on-missing-field fails when a declared field is absent
CREATE TABLE orders (id INT, amount DOUBLE)
  WITH ('connector' = 'filesystem', 'path' = 'orders.json', 'format' = 'json', 'json.fail-on-missing-field' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, amount DOUBLE) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, amount FROM orders;
