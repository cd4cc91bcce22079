-- filesystem METADATA column file.name read beside the data
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2), fname STRING METADATA FROM 'file.name' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (order_id INT, fname STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT order_id, fname FROM orders WHERE order_id < 102 ORDER BY order_id;
