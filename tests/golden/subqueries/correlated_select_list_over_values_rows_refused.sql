-- a correlated EXISTS in the SELECT list of a query over VALUES rows: Flink 2.3 refuses it
CREATE TEMPORARY VIEW ks(k) AS VALUES (1), (2);
CREATE TABLE orders (oid INT, uid INT) WITH ('connector' = 'filesystem', 'path' = 'orders.csv', 'format' = 'csv');
CREATE TEMPORARY TABLE out1 (k INT, e BOOLEAN) WITH ('connector' = 'print');
INSERT INTO out1 SELECT k, EXISTS (SELECT 1 FROM orders o WHERE o.uid = ks.k) FROM ks;
