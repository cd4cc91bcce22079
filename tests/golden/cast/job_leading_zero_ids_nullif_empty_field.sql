-- ids with leading zeros cast to INT, and the empty amount string compared with NULLIF (table not named raw, a reserved word)
CREATE TABLE messy_rows (rid STRING, amount STRING, d STRING, flag STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_messy.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, amount_or_null STRING, len_amount INT, is_empty BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1
SELECT CAST(rid AS INT), NULLIF(TRIM(amount), ''), CHAR_LENGTH(amount), amount = ''
FROM messy_rows ORDER BY 1;
