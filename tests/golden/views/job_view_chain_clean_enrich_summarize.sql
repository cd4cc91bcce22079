-- temporary views built on each other (clean -> enrich -> summarize), summary into a print sink
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW clean AS SELECT id, TRIM(name) AS name, NULLIF(country, '') AS country, signup FROM customers;
CREATE TEMPORARY VIEW enriched AS SELECT *, YEAR(signup) AS yr, CASE WHEN country IN ('DE', 'FR') THEN 'EU' WHEN country IS NULL THEN '??' ELSE 'other' END AS zone FROM clean;
CREATE TEMPORARY VIEW summary AS SELECT zone, yr, COUNT(*) AS n FROM enriched GROUP BY zone, yr;
CREATE TEMPORARY TABLE out1 (zone STRING, yr BIGINT, n BIGINT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM summary ORDER BY zone, yr;
