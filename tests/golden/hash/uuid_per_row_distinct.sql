-- UUID() gives a different value on every row
CREATE TEMPORARY TABLE out1 (n BIGINT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(x) AS VALUES (1), (2), (3);
INSERT INTO out1 SELECT COUNT(DISTINCT u) FROM (SELECT UUID() AS u FROM t) AS s;
