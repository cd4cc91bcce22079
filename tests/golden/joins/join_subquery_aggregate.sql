-- join a view with an aggregated subquery
CREATE TEMPORARY VIEW sales(region, amount) AS VALUES ('n', 10), ('n', 30), ('s', 5);
CREATE TEMPORARY VIEW regions(region, manager) AS VALUES ('n', 'ann'), ('s', 'ben');
CREATE TEMPORARY TABLE out1 (manager STRING, total INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT r.manager, s.total FROM regions r JOIN (SELECT region, SUM(amount) AS total FROM sales GROUP BY region) s ON r.region = s.region ORDER BY r.manager;
