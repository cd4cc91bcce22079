-- parse dates written three ways with TO_DATE and REGEXP checks, CASE picks the pattern (table not named raw, a reserved word)
CREATE TABLE messy_rows (rid STRING, amount STRING, d STRING, flag STRING)
  WITH ('connector' = 'filesystem', 'path' = 'c2_messy.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (rid STRING, d DATE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT rid,
  CASE
    WHEN REGEXP(d, '^\d{4}/\d{2}/\d{2}$') THEN TO_DATE(d, 'yyyy/MM/dd')
    WHEN REGEXP(d, '^\d{2}/\d{2}/\d{4}$') THEN TO_DATE(d, 'MM/dd/yyyy')
    WHEN REGEXP(d, '^\d{4}-\d{2}-\d{2}') THEN TO_DATE(SUBSTRING(d, 1, 10))
  END
FROM messy_rows ORDER BY rid;
