-- DESCRIBE of a name nothing declares: Flink's refusal
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'print');
DESCRIBE nope;
