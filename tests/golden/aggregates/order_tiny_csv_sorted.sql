-- GROUP BY over a 5-row csv file, no filter: Flink knows the count, a sort aggregate
CREATE TABLE t (id INT, k STRING, v INT) WITH ('connector'='filesystem','path'='order_t5.csv','format'='csv');
SELECT k, COUNT(*) FROM t GROUP BY k;
