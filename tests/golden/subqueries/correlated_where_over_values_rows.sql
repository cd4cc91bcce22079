-- correlated EXISTS, NOT EXISTS, NOT IN and a scalar subquery over a table, in the WHERE of a query over VALUES rows: Flink runs them
CREATE TEMPORARY VIEW ks(k) AS VALUES (1), (2);
CREATE TABLE orders (oid INT, uid INT) WITH ('connector' = 'filesystem', 'path' = 'orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (k INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out2 (k INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out3 (k INT) WITH ('connector' = 'print');
CREATE TEMPORARY TABLE out4 (k INT) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k FROM ks WHERE EXISTS (SELECT 1 FROM orders o WHERE o.uid = ks.k);
INSERT INTO out2 SELECT k FROM ks WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.uid = ks.k);
INSERT INTO out3 SELECT k FROM ks WHERE k NOT IN (SELECT o.uid FROM orders o WHERE o.oid > ks.k * 50);
INSERT INTO out4 SELECT k FROM ks WHERE (SELECT COUNT(*) FROM orders o WHERE o.uid = ks.k) > 0;
