-- computed columns using UPPER and a CASE, beside a METADATA file.size column, in a filter and projection
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING,
  country_uc AS UPPER(COALESCE(NULLIF(country, ''), 'NA')),
  is_gold AS CASE WHEN tier = 'gold' THEN TRUE ELSE FALSE END,
  fsize BIGINT METADATA FROM 'file.size' VIRTUAL)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, country_uc STRING, is_gold BOOLEAN, has_size BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, country_uc, is_gold, fsize > 0 FROM customers WHERE id < 5 ORDER BY id;
