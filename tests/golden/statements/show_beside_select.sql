-- SHOW VIEWS and SHOW TABLES beside a bare SELECT, each in file order
CREATE TABLE t (id INT, name STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW tv AS SELECT * FROM t;
SHOW VIEWS;
SHOW TABLES;
DESCRIBE tv;
SELECT COUNT(*) FROM t;
