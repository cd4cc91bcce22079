-- a CTAS primary key over a column the query gives nullable: Flink's refusal
CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'ctas_names_src.csv', 'format' = 'csv');
CREATE TABLE snk (PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'print') AS SELECT id, name FROM src;
DESCRIBE snk;
