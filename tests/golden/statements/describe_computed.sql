-- DESCRIBE a table with computed columns and a primary key: extras show the computed expression
CREATE TABLE t (id INT, name STRING, amt AS id * 2, up AS UPPER(name), PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
DESCRIBE t;
