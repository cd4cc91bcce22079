-- SHOW TABLES [FROM database] [NOT] LIKE 'pattern'
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
CREATE TABLE tab2 (id INT) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW v AS SELECT id FROM t;
SHOW TABLES LIKE 't%';
SHOW TABLES NOT LIKE 't%';
SHOW VIEWS;
SHOW TABLES FROM default_database LIKE '%2';
