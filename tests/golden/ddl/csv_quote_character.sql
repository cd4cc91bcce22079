-- csv.quote-character with a delimiter inside quotes and a doubled quote
CREATE TABLE t (id INT, name STRING, x STRING)
  WITH ('connector' = 'filesystem', 'path' = 'single_quoted.csv', 'format' = 'csv', 'csv.field-delimiter' = ';', 'csv.quote-character' = '''');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, x STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, x FROM t ORDER BY id;
