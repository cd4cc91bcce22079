-- a misspelt column in a view above a syntax error: the view's mistake is the first
CREATE TABLE src (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'listing_empty.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW v AS SELECT id, UPPER(nam) AS n FROM src;
CREATE TABLE snk (id INT) WITH ('connector' = 'print');
INSERT INTO snk SELEC id FROM src;
