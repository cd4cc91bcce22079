-- top-N per query via an ordered subquery with LIMIT
CREATE TEMPORARY TABLE out1 (name STRING, score INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(name, score) AS VALUES ('a', 1), ('b', 3), ('c', 2);
INSERT INTO out1 SELECT name, score FROM (SELECT name, score FROM t ORDER BY score DESC LIMIT 2) ORDER BY name;
