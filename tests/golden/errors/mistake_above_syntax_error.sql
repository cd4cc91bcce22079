-- a misspelt column in an INSERT above a syntax error: Flink reports the INSERT first (statements run in order); we report both
CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
CREATE TABLE snk (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO snk SELECT id, nme FROM src;
SELECT FROM WHERE;
INSERT INTO snk SELECT id, name FROM src;
