-- INSERT INTO ... VALUES with DECIMAL literals into a table with DECIMAL(3, 2) (source: Flink docs, SQL > INSERT Statement, Insert values into tables, https://nightlies.apache.org/flink/flink-docs-stable/docs/dev/table/sql/insert/ ; filesystem replaced by print) [corpus3; expectation from the Flink oracle]
CREATE TABLE students (name STRING, age INT, gpa DECIMAL(3, 2)) WITH ('connector' = 'print');
INSERT INTO students
  VALUES ('fred flintstone', 35, 1.28), ('barney rubble', 32, 2.32);
