-- 'csv.ignore-parse-errors' turns unparsable fields into NULL instead of failing (table not named raw, a reserved word)
CREATE TABLE messy_rows (rid INT, amount DOUBLE, d STRING, flag STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_messy.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
CREATE TEMPORARY TABLE out1 (rid INT, amount DOUBLE, flag STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT rid, amount, flag FROM messy_rows ORDER BY rid;
