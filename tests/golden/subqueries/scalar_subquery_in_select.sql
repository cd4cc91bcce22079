-- an uncorrelated scalar subquery in the SELECT list
CREATE TEMPORARY VIEW scores(name, score) AS VALUES ('ann', 80), ('ben', 60), ('cat', 100);
CREATE TEMPORARY TABLE out1 (name STRING, diff INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name, score - (SELECT MIN(score) FROM scores) FROM scores ORDER BY name;
