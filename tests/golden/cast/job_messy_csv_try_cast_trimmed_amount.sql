-- clean a messy csv: TRIM then TRY_CAST the amount, bad values become NULL (table not named raw, a reserved word)
CREATE TABLE messy_rows (rid STRING, amount STRING, d STRING, flag STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_messy.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (rid STRING, amount DECIMAL(10, 2), ok BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1
SELECT rid, TRY_CAST(TRIM(amount) AS DECIMAL(10, 2)), TRY_CAST(TRIM(amount) AS DECIMAL(10, 2)) IS NOT NULL
FROM messy_rows ORDER BY rid;
