-- cleaning a messy csv: quoted names with commas and doubled quotes, blanks, padded text, negative ages made NULL [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY TABLE people (
  id INT,
  name STRING,
  age INT,
  score DOUBLE
) WITH ('connector' = 'filesystem', 'path' = 'c3_messy.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE clean (id INT, name STRING, age INT, score DOUBLE, grade STRING) WITH ('connector' = 'print');
INSERT INTO clean
SELECT id,
       COALESCE(NULLIF(TRIM(name), ''), 'n/a'),
       CASE WHEN age < 0 THEN NULL ELSE age END,
       score,
       CASE WHEN score >= 90 THEN 'A' WHEN score >= 80 THEN 'B' WHEN score IS NULL THEN '-' ELSE 'C' END
FROM people
ORDER BY id;
