-- signup cohorts: quarter, week of year, DAYOFWEEK, days since signup to a fixed date, leap day
CREATE TABLE customers (id INT, name STRING, country STRING, signup DATE, tier STRING)
  WITH ('connector' = 'filesystem', 'path' = 'shop_customers.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (id INT, q BIGINT, wk BIGINT, dow BIGINT, days_to_2025 INT, plus_year DATE) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, QUARTER(signup), WEEK(signup), DAYOFWEEK(signup),
       TIMESTAMPDIFF(DAY, CAST(signup AS TIMESTAMP), TIMESTAMP '2025-01-01 00:00:00'),
       signup + INTERVAL '1' YEAR
FROM customers ORDER BY id;
