-- a view is estimated as Flink inlines it: GROUP BY over a view of a grouped 100-row file gives the same order as the inline subquery
CREATE TABLE t (k INT, v INT) WITH ('connector' = 'filesystem', 'path' = 'order_h.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW agg AS SELECT k, COUNT(*) AS c FROM t GROUP BY k;
SELECT k, SUM(c) FROM agg GROUP BY k;
SELECT k, SUM(c) FROM (SELECT k, COUNT(*) AS c FROM t GROUP BY k) GROUP BY k;
SELECT DISTINCT k FROM agg;
