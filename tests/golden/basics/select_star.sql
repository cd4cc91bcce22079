-- SELECT * from a view keeps the column order
CREATE TEMPORARY VIEW people(id, name, age) AS VALUES (1, 'ann', 31), (2, 'ben', 25);
CREATE TEMPORARY TABLE out1 (id INT, name STRING, age INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT * FROM people;
