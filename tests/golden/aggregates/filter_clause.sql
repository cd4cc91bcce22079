-- aggregate FILTER (WHERE ...) clause
CREATE TEMPORARY TABLE out1 (total BIGINT, big BIGINT, s INT) WITH ('connector' = 'print');
CREATE TEMPORARY VIEW t(v) AS VALUES (1), (3), (5);
INSERT INTO out1 SELECT COUNT(*), COUNT(*) FILTER (WHERE v > 2), SUM(v) FILTER (WHERE v > 2) FROM t;
