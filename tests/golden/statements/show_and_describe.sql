-- SHOW TABLES, SHOW VIEWS, DESC of a view and DESCRIBE of a table, each shown where it stands
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW v AS SELECT id FROM t;
CREATE TEMPORARY VIEW a_view AS SELECT name, id + 1 AS id2, CAST(id AS DECIMAL(5, 1)) AS d FROM t;
SHOW TABLES;
SHOW VIEWS;
DESC a_view;
DESCRIBE t;
