-- compare with an aggregate in a scalar subquery
CREATE TEMPORARY VIEW scores(name, score) AS VALUES ('ann', 80), ('ben', 60), ('cat', 100);
CREATE TEMPORARY TABLE out1 (name STRING) WITH ('connector' = 'print');
INSERT INTO out1 SELECT name FROM scores WHERE score > (SELECT AVG(score) FROM scores) ORDER BY name;
