-- cleaning a messy csv with a header line, quoted commas, padded cities, a non-numeric amount and an impossible date [corpus4; expectation from the Flink oracle]
CREATE TEMPORARY TABLE people (
  id INT, name STRING, city STRING, amount STRING, joined STRING
) WITH ('connector' = 'filesystem', 'path' = 'c4_messy.csv', 'format' = 'csv', 'csv.ignore-parse-errors' = 'true');
SELECT id,
  COALESCE(NULLIF(TRIM(name), ''), '(none)') AS name,
  INITCAP(LOWER(TRIM(city))) AS city,
  TRY_CAST(amount AS DECIMAL(10, 2)) AS amount,
  TRY_CAST(joined AS DATE) AS joined
FROM people
WHERE id IS NOT NULL
ORDER BY id;
