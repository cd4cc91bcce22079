-- DESCRIBE of a name in another database: Flink's refusal names it in full
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
DESCRIBE other_db.t;
DESCRIBE default_database.t;
