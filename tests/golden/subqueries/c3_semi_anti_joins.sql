-- customers with and without orders: correlated EXISTS, NOT EXISTS and IN, in one statement set [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Orders (
  order_id INT,
  customer_id INT,
  product STRING,
  amount DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'filesystem', 'path' = 'c3_orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE Customers (
  customer_id INT,
  name STRING,
  city STRING,
  signup_date DATE
) WITH ('connector' = 'filesystem', 'path' = 'c3_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE buyers (name STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE idle (name STRING) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE big (name STRING) WITH ('connector' = 'print');
EXECUTE STATEMENT SET BEGIN
INSERT INTO buyers SELECT name FROM Customers c WHERE EXISTS (SELECT 1 FROM Orders o WHERE o.customer_id = c.customer_id) ORDER BY name;
INSERT INTO idle SELECT name FROM Customers c WHERE NOT EXISTS (SELECT * FROM Orders o WHERE o.customer_id = c.customer_id) ORDER BY name;
INSERT INTO big SELECT name FROM Customers WHERE customer_id IN (SELECT customer_id FROM Orders WHERE amount > 10) ORDER BY name;
END;
