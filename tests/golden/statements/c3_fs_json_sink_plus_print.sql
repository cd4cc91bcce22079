-- one statement set writing a json filesystem sink and a print sink from the same cleaned view [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW cleaned AS SELECT order_id, COALESCE(NULLIF(product, ''), 'unknown') AS product, amount FROM Orders;
CREATE TEMPORARY TABLE archive (order_id INT, product STRING, amount DECIMAL(10, 2)) WITH ('connector' = 'filesystem', 'path' = '${BAILIAN_OUTPUT_DIR}/corpus3_archive', 'format' = 'json');
CREATE TEMPORARY TABLE unknowns (order_id INT, amount DECIMAL(10, 2)) WITH ('connector' = 'print');
EXECUTE STATEMENT SET BEGIN
INSERT INTO archive SELECT * FROM cleaned;
INSERT INTO unknowns SELECT order_id, amount FROM cleaned WHERE product = 'unknown';
END;
