-- DESCRIBE EXTENDED a table with a watermark, DESC a grouped view, SHOW TABLES
CREATE TABLE t (id INT, v STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
CREATE VIEW pv AS SELECT id, COUNT(*) AS c FROM t GROUP BY id;
DESCRIBE EXTENDED t;
DESC pv;
SHOW TABLES;
