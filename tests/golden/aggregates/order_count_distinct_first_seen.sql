-- COUNT(DISTINCT) beside SUM over a 100-row file: Flink's two-level aggregation reads many rows and hashes, groups in first-seen order
CREATE TABLE b (k INT, s STRING) WITH ('connector' = 'filesystem', 'path' = 'order_b100.csv', 'format' = 'csv');
SELECT s, COUNT(DISTINCT k), SUM(k) FROM b GROUP BY s;
