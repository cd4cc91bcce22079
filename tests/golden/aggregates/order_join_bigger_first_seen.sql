-- GROUP BY over a join of two 100-row csv files: a hash aggregate, groups in first-seen order
CREATE TABLE a (k INT, s STRING) WITH ('connector'='filesystem','path'='order_b100.csv','format'='csv');
CREATE TABLE b (k INT, s STRING) WITH ('connector'='filesystem','path'='order_b100.csv','format'='csv');
SELECT b.s, COUNT(*) FROM a JOIN b ON a.k = b.k GROUP BY b.s;
