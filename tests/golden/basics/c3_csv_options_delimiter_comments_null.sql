-- csv options: ';' delimiter, '#' comment lines allowed, a 'NULL' null literal, quoted field with the delimiter inside [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE t (id INT, name STRING, price DOUBLE) WITH (
  'connector' = 'filesystem', 'path' = 'c3_semicolon.csv', 'format' = 'csv',
  'csv.field-delimiter' = ';', 'csv.allow-comments' = 'true', 'csv.null-literal' = 'NULL');
SELECT id, name, price, name IS NULL FROM t ORDER BY id;
