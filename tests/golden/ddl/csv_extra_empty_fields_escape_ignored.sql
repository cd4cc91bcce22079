-- csv.ignore-parse-errors with csv.escape-character: lines with two or more extra empty fields are skipped
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'trailing_empty_fields.csv', 'format' = 'csv', 'csv.escape-character' = '\', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t;
