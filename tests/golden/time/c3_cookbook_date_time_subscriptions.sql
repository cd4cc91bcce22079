-- FROM_UNIXTIME into TO_TIMESTAMP, DATE_FORMAT 'YYYYww', EXTRACT parts, TIMESTAMPDIFF to CURRENT_TIMESTAMP in WHERE (source: ververica/flink-sql-cookbook other-builtin-functions/01_date_time/01_date_time.md ; faker replaced by VALUES with past expirations) [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW subscriptions (id, start_date, end_date, payment_expiration) AS VALUES
  ('s1', 1576141834, 1609060234, CAST('2021-01-03 10:00:00' AS TIMESTAMP(3))),
  ('s2', 1600000000, 1639300234, CAST('2020-12-31 23:59:59' AS TIMESTAMP(3)));
SELECT
  id,
  TO_TIMESTAMP(FROM_UNIXTIME(start_date)) AS start_date,
  TO_TIMESTAMP(FROM_UNIXTIME(end_date)) AS end_date,
  DATE_FORMAT(payment_expiration,'YYYYww') AS exp_yweek,
  EXTRACT(DAY FROM payment_expiration) AS exp_day,     --same as DAYOFMONTH(ts)
  EXTRACT(MONTH FROM payment_expiration) AS exp_month, --same as MONTH(ts)
  EXTRACT(YEAR FROM payment_expiration) AS exp_year    --same as YEAR(ts)
FROM subscriptions
WHERE
  TIMESTAMPDIFF(DAY,CURRENT_TIMESTAMP,payment_expiration) < 30;
