-- DESCRIBE of a table declared below: Flink's refusal
DESCRIBE t;
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
