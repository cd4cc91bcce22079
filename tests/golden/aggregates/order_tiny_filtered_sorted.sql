-- DISTINCT over a csv file of 16 rows, filtered (Flink estimates 8 rows): a sort aggregate, rows in key order
CREATE TABLE t (id INT, k STRING, v INT) WITH ('connector'='filesystem','path'='order_t16.csv','format'='csv');
SELECT DISTINCT k FROM t WHERE id > 0;
