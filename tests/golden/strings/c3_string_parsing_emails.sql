-- parsing emails and log lines: SPLIT_INDEX, REGEXP_EXTRACT, POSITION, SUBSTRING, INITCAP, LPAD, REPLACE, TRIM [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW raw (line) AS VALUES
  ('  john.doe@example.com | 2024-01-05 | ERROR disk full  '),
  ('JANE_ROE@Mail.ORG|2024-02-11|warn  slow'),
  ('bad-line-without-pipes');
SELECT TRIM(SPLIT_INDEX(line, '|', 0)) AS email,
       LOWER(SUBSTRING(TRIM(SPLIT_INDEX(line, '|', 0)) FROM POSITION('@' IN TRIM(SPLIT_INDEX(line, '|', 0))) + 1)) AS domain,
       REGEXP_EXTRACT(line, '(\d{4})-(\d{2})-(\d{2})', 2) AS month,
       INITCAP(REPLACE(REGEXP_EXTRACT(line, '^\s*([A-Za-z]+)[._]', 1), '_', ' ')) AS first_name,
       LPAD(CAST(CHAR_LENGTH(line) AS STRING), 4, '0') AS len,
       UPPER(TRIM(SPLIT_INDEX(line, '|', 2))) AS msg
FROM raw;
