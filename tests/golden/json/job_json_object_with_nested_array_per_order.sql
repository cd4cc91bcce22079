-- build a json document per order with JSON_OBJECT and nested JSON_ARRAY
CREATE TABLE orders (order_id INT, cust_id INT, order_date DATE, status STRING, total DECIMAL(10, 2))
  WITH ('connector' = 'filesystem', 'path' = 'c2_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (doc STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT JSON_OBJECT('id' VALUE order_id, 'status' VALUE status, 'total' VALUE total, 'tags' VALUE JSON_ARRAY(status, cust_id))
FROM orders WHERE order_id < 103 ORDER BY order_id;
