-- aggregate over a csv source grouped by city
CREATE TABLE people (id INT, name STRING, age INT, city STRING, joined DATE, active BOOLEAN)
  WITH ('connector' = 'filesystem', 'path' = 'people.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (city STRING, n BIGINT, avg_age DECIMAL(10, 2)) WITH ('connector' = 'print');
INSERT INTO out1 SELECT city, COUNT(*), CAST(AVG(CAST(age AS DECIMAL(10, 2))) AS DECIMAL(10, 2)) FROM people GROUP BY city ORDER BY city;
