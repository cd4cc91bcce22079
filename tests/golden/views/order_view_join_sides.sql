-- a filtered view joined to a small table: the join's sides estimated as Flink inlines the view, the same order as the inline form
CREATE TABLE b (k INT, v INT) WITH ('connector' = 'filesystem', 'path' = 'order_big100.csv', 'format' = 'csv');
CREATE TABLE s (k INT, w STRING) WITH ('connector' = 'filesystem', 'path' = 'order_s10.csv', 'format' = 'csv');
CREATE TEMPORARY VIEW few AS SELECT k, v FROM b WHERE v >= 96;
SELECT few.v, s.w FROM few JOIN s ON few.k = s.k;
SELECT x.v, s.w FROM (SELECT k, v FROM b WHERE v >= 96) AS x JOIN s ON x.k = s.k;
