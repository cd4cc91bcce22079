-- DESCRIBE of a table dropped above: Flink's refusal
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
DROP TABLE t;
DESCRIBE t;
