-- csv with quoted commas, doubled quotes, unicode, padded spaces and an empty string field
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, name STRING, name_len INT, trimmed STRING, tier_missing BOOLEAN, country_null BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT id, name, CHAR_LENGTH(name), TRIM(name), tier = '', country IS NULL FROM customers ORDER BY id;
