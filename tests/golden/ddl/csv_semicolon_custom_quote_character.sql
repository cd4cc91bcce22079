-- a semicolon csv with a custom quote character and a header skipped by filtering
CREATE TABLE t (a STRING, b STRING, c STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_semi.csv', 'format' = 'csv', 'csv.field-delimiter' = ';', 'csv.quote-character' = '''');
CREATE TEMPORARY TABLE out1 (a STRING, b STRING, c STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT a, b, c FROM t WHERE a <> 'id';
