-- GROUP BY over a join of two 20-row csv files: Flink estimates few joined rows and groups by sorting (key order)
CREATE TABLE a (k INT, s STRING) WITH ('connector'='filesystem','path'='order_a20.csv','format'='csv');
CREATE TABLE b (k INT, s STRING) WITH ('connector'='filesystem','path'='order_a20.csv','format'='csv');
SELECT b.s, COUNT(*) FROM a JOIN b ON a.k = b.k GROUP BY b.s;
