-- SHOW where it stands: only what is declared above, nothing dropped above
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
SHOW TABLES;
SHOW VIEWS;
CREATE TEMPORARY VIEW v AS SELECT id FROM t;
CREATE TABLE u (id INT) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
SHOW TABLES;
DROP TEMPORARY VIEW v;
SHOW TABLES;
