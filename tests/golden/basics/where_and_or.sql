-- WHERE with AND / OR / NOT and parentheses
CREATE TEMPORARY TABLE out1 (id INT, city STRING) WITH ('connector' = 'print');
INSERT INTO out1
SELECT id, city FROM (VALUES (1, 'Paris', 30), (2, 'Rome', 17), (3, 'Paris', 15), (4, 'Oslo', 44)) AS t(id, city, age)
WHERE (city = 'Paris' OR age > 40) AND NOT (age < 16);
