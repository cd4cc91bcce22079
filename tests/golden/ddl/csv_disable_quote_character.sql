-- csv.disable-quote-character keeps quotes as text (so a quoted null literal is not NULL)
CREATE TABLE t (id INT, name STRING, age STRING)
  WITH ('connector' = 'filesystem', 'path' = 'null_literal_quoted.csv', 'format' = 'csv', 'csv.disable-quote-character' = 'true', 'csv.null-literal' = 'NA');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, age FROM t ORDER BY id;
