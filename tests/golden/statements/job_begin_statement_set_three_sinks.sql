-- BEGIN STATEMENT SET with three INSERTs from one csv source (detail, per-status, total)
CREATE TABLE orders (order_id INT, customer_id INT, amount DECIMAL(10, 2), status STRING, ts TIMESTAMP(3))
  WITH ('connector' = 'filesystem', 'path' = 'shop_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE detail (order_id INT, status STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE per_status (status STRING, n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE total (n BIGINT, s DECIMAL(38, 2)) WITH ('connector' = 'print');
BEGIN STATEMENT SET;
INSERT INTO detail SELECT order_id, status FROM orders WHERE amount < 10 ORDER BY order_id;
INSERT INTO per_status SELECT status, COUNT(*) FROM orders GROUP BY status ORDER BY status;
INSERT INTO total SELECT COUNT(*), SUM(amount) FROM orders;
END;
