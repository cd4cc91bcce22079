-- normalize yes/no flags of every spelling into BOOLEAN, unknown stays NULL (table not named raw, a reserved word)
CREATE TABLE messy_rows (rid STRING, amount STRING, d STRING, flag STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_messy.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (rid STRING, flag BOOLEAN, raw_flag STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT rid,
  CASE WHEN LOWER(flag) IN ('y', 'yes', 'true', '1') THEN TRUE
       WHEN LOWER(flag) IN ('n', 'no', 'false', '0') THEN FALSE END,
  flag
FROM messy_rows ORDER BY rid;
