-- CREATE TABLE ... AS SELECT with a repeated column name: Flink numbers it (id, id0, EXPR$2)
CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'ctas_names_src.csv', 'format' = 'csv');
CREATE TABLE snk WITH ('connector' = 'print') AS SELECT id, id, id + 1 FROM src;
DESCRIBE snk;
