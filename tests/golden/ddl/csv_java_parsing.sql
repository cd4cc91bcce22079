-- csv values parsed as Java does: booleans (anything but true is false), trimmed INT, no T in timestamps
CREATE TABLE t (id INT, b1 BOOLEAN, b2 BOOLEAN, b3 BOOLEAN, ts1 TIMESTAMP(3), ts2 TIMESTAMP(3), n INT)
  WITH ('connector' = 'filesystem', 'path' = 'java_parsing.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (id INT, b1 BOOLEAN, b2 BOOLEAN, b3 BOOLEAN, ts1 TIMESTAMP(3), ts2 TIMESTAMP(3), n INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM t;
