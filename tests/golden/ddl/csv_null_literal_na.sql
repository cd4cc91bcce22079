-- 'csv.null-literal' names the text read as NULL (table not named raw, a reserved word)
CREATE TABLE messy_rows (rid STRING, amount STRING, d STRING, flag STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_messy.csv', 'format' = 'csv', 'csv.null-literal' = 'n/a');
CREATE TEMPORARY TABLE out1 (rid STRING, amount STRING, amount_null BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT rid, amount, amount IS NULL FROM messy_rows ORDER BY rid;
