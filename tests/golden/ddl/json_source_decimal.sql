-- json numbers read into a DECIMAL(10, 2) column
CREATE TABLE orders (id INT, amount DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'orders.json', 'format' = 'json');
CREATE TEMPORARY TABLE out1 (id INT, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, amount FROM orders ORDER BY id;
