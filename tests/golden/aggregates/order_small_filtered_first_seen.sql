-- DISTINCT over 17 rows, filtered (8.5 estimated): a hash aggregate, rows in first-seen order
CREATE TABLE t (id INT, k STRING, v INT) WITH ('connector'='filesystem','path'='order_t17.csv','format'='csv');
SELECT DISTINCT k FROM t WHERE id > 0;
