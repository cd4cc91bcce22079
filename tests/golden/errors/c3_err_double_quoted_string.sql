-- user mistake: a string written in double quotes, as in other SQL dialects [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE Customers (
  customer_id INT,
  name STRING,
  city STRING,
  signup_date DATE
) WITH ('connector' = 'filesystem', 'path' = 'c3_customers.csv', 'format' = 'csv');
SELECT name FROM Customers WHERE city = "Berlin";
