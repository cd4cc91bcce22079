-- csv.ignore-parse-errors: lines with two or more extra empty fields are skipped, one with a single empty extra field is read
CREATE TABLE t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = 'trailing_empty_fields.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name FROM t;
