-- a view built on a view, the base view dropped and recreated with IF EXISTS, the top view read last [corpus3; expectation from the Flink oracle]
CREATE TEMPORARY VIEW base (k, v) AS VALUES ('x', 1), ('y', 2), ('x', 3);
CREATE TEMPORARY VIEW agg AS SELECT k, SUM(v) AS s FROM base GROUP BY k;
CREATE TEMPORARY VIEW top1 AS SELECT k, s FROM agg WHERE s = (SELECT MAX(s) FROM agg);
DROP TEMPORARY VIEW IF EXISTS missing_view;
SELECT * FROM top1;
